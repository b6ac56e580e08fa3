import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import type { PayNudgeDB } from "@/lib/db/schema";
import { getSetting } from "@/lib/schemas/settings";
import type { EngineSettings } from "@/lib/engine/settings";
import type { PlatformId } from "@/lib/model/order";

/*
 * What the options page's forms start from, read from the database. Each read carries the data
 * revision it was made for: a form waits for a read made after an import or a wipe replaced the
 * data (OptionsApp).
 */

export interface GeneralRead {
  rev: number;
  agentName?: string;
  shopNames: Partial<Record<PlatformId, string>>;
  panelPlace: "workspace" | "page";
  attributionHours: number;
}

export async function readGeneral(
  db: PayNudgeDB,
  rev: number,
): Promise<GeneralRead> {
  return {
    rev,
    agentName: await getSetting(db, "agentName"),
    shopNames: await getSetting(db, "shopNames"),
    panelPlace: await getSetting(db, "panelPlace"),
    attributionHours: await getSetting(db, "attributionHours"),
  };
}

export async function readEngine(
  db: PayNudgeDB,
  rev: number,
): Promise<{ rev: number; settings: EngineSettings }> {
  return { rev, settings: await loadEngineSettings(db) };
}
