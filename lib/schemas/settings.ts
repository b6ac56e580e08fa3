import { z } from "zod";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_SETTINGS,
  PLAIN_SETTING_CHECKS,
  type SettingKey,
  type Settings,
} from "@/lib/db/setting-values";
import { EngineSettingSchemas } from "@/lib/schemas/engine-settings";

/**
 * What a stored value of each setting must be: the checks every write (setSetting, the options
 * page's engine settings) and every import go through, and every read falls back on. The plain
 * settings' checks are lib/db/setting-values.ts's predicates themselves, so the popup's zod-free read
 * agrees with them exactly.
 */
export const SETTING_SCHEMAS: { [K in SettingKey]: z.ZodType } = {
  agentName: z.custom<string | undefined>(PLAIN_SETTING_CHECKS.agentName),
  shopNames: z.custom(PLAIN_SETTING_CHECKS.shopNames),
  enabledPlatforms: z.custom(PLAIN_SETTING_CHECKS.enabledPlatforms),
  notificationsPaused: z.custom<boolean>(
    PLAIN_SETTING_CHECKS.notificationsPaused,
  ),
  retentionDays: z.custom<number>(PLAIN_SETTING_CHECKS.retentionDays),
  taughtReaders: z.custom(PLAIN_SETTING_CHECKS.taughtReaders),
  welcomeShownAt: z.custom<number | undefined>(
    PLAIN_SETTING_CHECKS.welcomeShownAt,
  ),
  panelPlace: z.custom(PLAIN_SETTING_CHECKS.panelPlace),
  abTests: z.custom(PLAIN_SETTING_CHECKS.abTests),
  attributionHours: z.custom<number>(PLAIN_SETTING_CHECKS.attributionHours),
  teamRoster: z.custom(PLAIN_SETTING_CHECKS.teamRoster),
  teamMe: z.custom<string | undefined>(PLAIN_SETTING_CHECKS.teamMe),
  ...EngineSettingSchemas,
};

export function isSettingKey(key: unknown): key is SettingKey {
  return (
    typeof key === "string" &&
    Object.prototype.hasOwnProperty.call(SETTING_SCHEMAS, key)
  );
}

function isValidSetting(key: SettingKey, value: unknown): boolean {
  return SETTING_SCHEMAS[key].safeParse(value).success;
}

/** A stored row's value when it is valid, else the default (logged: the options page warns). */
function valueOrDefault<K extends SettingKey>(
  key: K,
  row: { value: unknown } | undefined,
): Settings[K] {
  if (row === undefined) return DEFAULT_SETTINGS[key];
  const parsed = SETTING_SCHEMAS[key].safeParse(row.value);
  if (parsed.success) return parsed.data as Settings[K];
  console.warn(
    `PayNudge: stored setting "${key}" is invalid; using its default`,
  );
  return DEFAULT_SETTINGS[key];
}

/** A setting's stored value, or its default when none is stored or the stored one is invalid. */
export async function getSetting<K extends SettingKey>(
  db: PayNudgeDB,
  key: K,
): Promise<Settings[K]> {
  return valueOrDefault(key, await db.settings.get(key));
}

/** Stores a setting; a value its schema refuses is never written. */
export async function setSetting<K extends SettingKey>(
  db: PayNudgeDB,
  key: K,
  value: Settings[K],
): Promise<void> {
  if (!isValidSetting(key, value))
    throw new Error(`PayNudge: invalid value for setting "${key}"`);
  await db.settings.put({ key, value });
}

/**
 * Settings whose stored value is invalid, so read as their default: the options page names them.
 * Rows of keys this version does not know are nobody's setting and are not reported.
 */
export async function invalidStoredSettings(
  db: PayNudgeDB,
): Promise<SettingKey[]> {
  const rows = await db.settings.toArray();
  return rows
    .filter(
      (row) => isSettingKey(row.key) && !isValidSetting(row.key, row.value),
    )
    .map((row) => row.key as SettingKey);
}
