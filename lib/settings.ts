import type { PayNudgeDB } from './db';
import type { PlatformId } from './order';

/** Every setting with its default; stored rows override one key at a time. */
export const DEFAULT_SETTINGS = {
  /** The agent's nickname, written into notes and messages. */
  agentName: undefined as string | undefined,
  /** Shop names per platform, used when the page does not show one. */
  shopNames: {} as Partial<Record<PlatformId, string>>,
};

export type Settings = typeof DEFAULT_SETTINGS;
export type SettingKey = keyof Settings;

export async function getSetting<K extends SettingKey>(db: PayNudgeDB, key: K): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? DEFAULT_SETTINGS[key] : (row.value as Settings[K]);
}

export async function setSetting<K extends SettingKey>(db: PayNudgeDB, key: K, value: Settings[K]): Promise<void> {
  await db.settings.put({ key, value });
}
