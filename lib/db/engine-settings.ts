import type { PayNudgeDB } from "@/lib/db/schema";
import {
  ENGINE_SETTING_KEYS,
  type EngineSettingKey,
} from "@/lib/engine/settings";

/**
 * The engine settings' stored values, unchecked: lib/schemas/engine-settings.ts checks each
 * (loadEngineSettings) before the engine trusts it.
 */
export async function storedEngineSettings(
  db: PayNudgeDB,
): Promise<Partial<Record<EngineSettingKey, unknown>>> {
  const rows = await db.settings.bulkGet(ENGINE_SETTING_KEYS);
  const stored: Partial<Record<EngineSettingKey, unknown>> = {};
  ENGINE_SETTING_KEYS.forEach((key, i) => {
    if (rows[i] !== undefined) stored[key] = rows[i]!.value;
  });
  return stored;
}
