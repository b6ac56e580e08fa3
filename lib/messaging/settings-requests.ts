import type { EngineSettings } from "@/lib/engine/settings";
import type { AbArm } from "@/lib/model/ab-test";
import type { PlatformId } from "@/lib/model/order";
import type { StepScenario } from "@/lib/model/steps";
import type { TaughtReader } from "@/lib/model/taught-reader";

/* What the extension's own pages ask to change: settings, platforms, granted sites, all data. */

/** The agent's nickname and the shops' names (the options page's General section). */
export interface GeneralSettings {
  agentName?: string;
  shopNames?: Partial<Record<PlatformId, string>>;
  /** Where a badge's click shows the order's panel: the side panel, or the page. */
  panelPlace?: "workspace" | "page";
  /** The report's attribution window, whole hours (lib/model/report.ts's bounds). */
  attributionHours?: number;
}

/**
 * Engine settings as stored and sent: a platform's close delay `null` when its orders never close
 * by themselves (EngineSettings holds `undefined` there once resolved).
 */
export type StoredEngineSettings = Omit<EngineSettings, "closeAfterMs"> & {
  closeAfterMs: Partial<Record<PlatformId, number | null>>;
};

/** Engine settings the options page saves: any subset of the keys. */
export type EngineSettingsPatch = Partial<StoredEngineSettings>;

/** Off duty: no notifications while paused; timers keep running and due ones show on resume. */
export interface NotificationsPausedRequest {
  paused: boolean;
}

/** How many days paid and closed orders are kept after their last activity (lib/db/prune.ts). */
export interface RetentionRequest {
  days: number;
}

/** A platform the content script works on (on unless turned off). */
export interface PlatformEnabledRequest {
  platform: PlatformId;
  enabled: boolean;
}

/** A seller's template, by id. */
export interface TemplateIdRequest {
  id: string;
}

/** A site granted to the generic adapter, as its match pattern (`https://shop.example.com/*`). */
export interface SitePatternRequest {
  pattern: string;
}

/** Deleting everything asks for the word itself. */
export interface WipeRequest {
  confirm: "DELETE";
}

/** Starts an A/B test: two different templates of the scenario (lib/model/ab-test.ts). */
export interface StartAbTestRequest {
  scenario: StepScenario;
  templateA: string;
  templateB: string;
}

/** Ends a running A/B test, keeping one arm's template as the scenario's preferred one, or none. */
export interface EndAbTestRequest {
  id: string;
  winner?: AbArm;
}

/** A taught page, by its host and path (lib/model/taught-reader.ts). */
export type TaughtPageRequest = Pick<TaughtReader, "host" | "path">;
