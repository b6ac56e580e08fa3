/*
 * Settings' defaults and the checks on the plain ones, with no zod: the popup reads two settings
 * (directly and in its first script) and ships without zod. Everything else reads through
 * lib/schemas/settings.ts, which checks every key, the engine's with their zod schemas.
 */
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettingKey,
} from "@/lib/engine/settings";
import { isAbTestList, type AbTest } from "@/lib/model/ab-test";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import { isRoster } from "@/lib/model/roster-rules";
import { ROSTER_LIMITS, type Roster } from "@/lib/model/team";
import {
  ATTRIBUTION_HOURS_MAX,
  ATTRIBUTION_HOURS_MIN,
  DEFAULT_ATTRIBUTION_HOURS,
} from "@/lib/model/report";
import {
  isTaughtReaderList,
  type TaughtReader,
} from "@/lib/model/taught-reader";

/** Every setting with its default; stored rows override one key at a time. */
export const DEFAULT_SETTINGS = {
  /** The agent's nickname, written into notes and messages. */
  agentName: undefined as string | undefined,
  /** Shop names per platform, used when the page does not show one. */
  shopNames: {} as Partial<Record<PlatformId, string>>,
  /** Platforms PayNudge works on: all unless set to false here (the options page's Sites section). */
  enabledPlatforms: {} as Partial<Record<PlatformId, boolean>>,
  // When to nudge (lib/engine/settings.ts explains each); stored values are checked on load.
  quietHours: DEFAULT_ENGINE_SETTINGS.quietHours,
  channelWindows: DEFAULT_ENGINE_SETTINGS.channelWindows,
  promotions: DEFAULT_ENGINE_SETTINGS.promotions,
  promoWindows: DEFAULT_ENGINE_SETTINGS.promoWindows,
  softWindow: DEFAULT_ENGINE_SETTINGS.softWindow,
  buyerCap: DEFAULT_ENGINE_SETTINGS.buyerCap,
  highValueCents: DEFAULT_ENGINE_SETTINGS.highValueCents,
  /** Per platform; `null` stored for a platform means its unpaid orders never close. */
  closeAfterMs: DEFAULT_ENGINE_SETTINGS.closeAfterMs as Partial<
    Record<PlatformId, number | null | undefined>
  >,
  minGapMs: DEFAULT_ENGINE_SETTINGS.minGapMs,
  morningAt: DEFAULT_ENGINE_SETTINGS.morningAt,
  steps: DEFAULT_ENGINE_SETTINGS.steps,
  /** Off duty: no desktop notifications; timers, alarms and the toolbar count go on (lib/background/due-check.ts). */
  notificationsPaused: false as boolean,
  /** Days a paid or closed order is kept after its last activity (lib/db/prune.ts). */
  retentionDays: 90 as number,
  /**
   * Where a badge's click shows the order's panel: the workspace in the browser's side panel, beside
   * the page (nothing of it covered), or under the badge in the page.
   */
  panelPlace: "workspace" as PanelPlace,
  /**
   * When the welcome page was first opened (lib/background/welcome.ts): it opens once per profile,
   * never again on the onInstalled that every launch of an unpacked build fires.
   */
  welcomeShownAt: undefined as number | undefined,
  /** Pages the seller taught PayNudge to read, one reader per host and path (lib/model/taught-reader.ts). */
  taughtReaders: [] as TaughtReader[],
  /**
   * A/B tests of two templates, running and ended (lib/model/ab-test.ts): a running one decides the
   * best template of its scenario's orders, an ended one's winner is that scenario's preferred one.
   */
  abTests: [] as AbTest[],
  /**
   * The report's attribution window (lib/model/report.ts): a payment seen within this many hours
   * of the last nudge before it is a recovery credited to that nudge.
   */
  attributionHours: DEFAULT_ATTRIBUTION_HOURS as number,
  /**
   * The team's roster (issue 17, lib/model/team.ts), set from a code or a file in the options
   * page's Team section (lib/background/team-roster.ts); none means solo use.
   */
  teamRoster: undefined as Roster | undefined,
  /** Which of the roster's names is this agent's (one of its agents' names, or none chosen yet). */
  teamMe: undefined as string | undefined,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Where a badge's click shows the order's panel (the `panelPlace` setting). */
export type PanelPlace = "workspace" | "page";
export type SettingKey = keyof Settings;
export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/** Settings read one by one (getSetting); the engine's are read together (loadEngineSettings). */
export type PlainSettingKey = Exclude<SettingKey, EngineSettingKey>;

/**
 * Bounds of the retention: at least a month, well beyond the report's longest range (the last 7
 * days, lib/db/report.ts), so a report never misses a nudge pruning took; at most ten years.
 */
export const RETENTION_MIN_DAYS = 31;
export const RETENTION_MAX_DAYS = 3650;

/** Longest agent nickname and shop name (the options page's form allows the same). */
const AGENT_NAME_MAX = 30;
const SHOP_NAME_MAX = 60;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const platformMap =
  (valueOk: (v: unknown) => boolean) =>
  (v: unknown): boolean =>
    isPlainObject(v) &&
    Object.entries(v).every(
      ([key, value]) =>
        (PLATFORM_IDS as readonly string[]).includes(key) && valueOk(value),
    );

/*
 * What a stored value of each plain setting must be. Plain predicates rather than zod, so that the
 * popup (which reads two of them) ships without zod; the import checks these very predicates
 * (lib/schemas/settings.ts wraps them), and setSetting refuses a value that fails them.
 */
export const PLAIN_SETTING_CHECKS: {
  [K in PlainSettingKey]: (value: unknown) => value is Settings[K];
} = {
  agentName: (v): v is string | undefined =>
    v === undefined ||
    (typeof v === "string" &&
      v.length >= 1 &&
      v.length <= AGENT_NAME_MAX &&
      v.trim() === v),
  shopNames: platformMap(
    (s) =>
      typeof s === "string" &&
      s.length >= 1 &&
      s.length <= SHOP_NAME_MAX &&
      s.trim() === s,
  ) as (v: unknown) => v is Partial<Record<PlatformId, string>>,
  enabledPlatforms: platformMap((b) => typeof b === "boolean") as (
    v: unknown,
  ) => v is Partial<Record<PlatformId, boolean>>,
  notificationsPaused: (v): v is boolean => typeof v === "boolean",
  retentionDays: (v): v is number =>
    Number.isInteger(v) &&
    (v as number) >= RETENTION_MIN_DAYS &&
    (v as number) <= RETENTION_MAX_DAYS,
  taughtReaders: isTaughtReaderList,
  welcomeShownAt: (v): v is number | undefined =>
    v === undefined || (Number.isSafeInteger(v) && (v as number) > 0),
  panelPlace: (v): v is PanelPlace => v === "workspace" || v === "page",
  abTests: isAbTestList,
  attributionHours: (v): v is number =>
    Number.isInteger(v) &&
    (v as number) >= ATTRIBUTION_HOURS_MIN &&
    (v as number) <= ATTRIBUTION_HOURS_MAX,
  teamRoster: (v): v is Roster | undefined => v === undefined || isRoster(v),
  // A roster name, as the roster's rules hold it; that it is one of the held roster's is the
  // handler's to check (lib/background/team-roster.ts).
  teamMe: (v): v is string | undefined =>
    v === undefined ||
    (typeof v === "string" &&
      v.length >= 1 &&
      [...v].length <= ROSTER_LIMITS.nameLength &&
      v.trim() === v),
};

/**
 * A stored row's value when it is valid, else the default: a wrong value (an old bug, a hand-edited
 * backup) must never reach a page that renders it, nor pause notifications by being truthy.
 */
export function plainSettingValue<K extends PlainSettingKey>(
  key: K,
  row: unknown,
): Settings[K] {
  if (row === undefined || row === null) return DEFAULT_SETTINGS[key];
  const value = isPlainObject(row) ? row.value : undefined;
  if (isPlainObject(row) && PLAIN_SETTING_CHECKS[key](value))
    return value as Settings[K];
  console.warn(
    `PayNudge: stored setting "${key}" is invalid; using its default`,
  );
  return DEFAULT_SETTINGS[key];
}

/** A plain setting as stored, or its default (the popup's read; settings.ts for everything else). */
export async function readPlainSetting<K extends PlainSettingKey>(
  db: PayNudgeDB,
  key: K,
): Promise<Settings[K]> {
  return plainSettingValue(key, await db.settings.get(key));
}
