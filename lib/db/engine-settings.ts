import type { PayNudgeDB } from "@/lib/db/schema";
import {
  ENGINE_SETTING_KEYS,
  type EngineSettings,
} from "@/lib/engine/settings";
import { resolveEngineSettings } from "@/lib/schemas/engine-settings";

/** Everything the nudge engine needs, read fresh from the database (the worker keeps no state). */
export async function loadEngineSettings(
  db: PayNudgeDB,
): Promise<EngineSettings> {
  const rows = await db.settings.bulkGet(ENGINE_SETTING_KEYS);
  const stored: Record<string, unknown> = {};
  ENGINE_SETTING_KEYS.forEach((key, i) => {
    if (rows[i] !== undefined) stored[key] = rows[i]!.value;
  });
  return resolveEngineSettings(stored);
}
