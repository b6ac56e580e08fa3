import type { PayNudgeDB } from "./db";
import { DEFAULT_ENGINE_SETTINGS } from "./engine/settings";
import type { PlatformId } from "./order";

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
  buyerCap: DEFAULT_ENGINE_SETTINGS.buyerCap,
  highValueCents: DEFAULT_ENGINE_SETTINGS.highValueCents,
  /** Per platform; `null` stored for a platform means its unpaid orders never close. */
  closeAfterMs: DEFAULT_ENGINE_SETTINGS.closeAfterMs as Partial<
    Record<PlatformId, number | null | undefined>
  >,
  minGapMs: DEFAULT_ENGINE_SETTINGS.minGapMs,
  morningAt: DEFAULT_ENGINE_SETTINGS.morningAt,
  steps: DEFAULT_ENGINE_SETTINGS.steps,
  /** Off duty: no desktop notifications; timers, alarms and the toolbar count go on (scheduler.ts). */
  notificationsPaused: false as boolean,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;

export async function getSetting<K extends SettingKey>(
  db: PayNudgeDB,
  key: K,
): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends SettingKey>(
  db: PayNudgeDB,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}
