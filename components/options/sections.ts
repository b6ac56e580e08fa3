import type { MessageKey } from "@/lib/i18n";

/*
 * The options page's sections, in page order: each is an anchor (`options.html#plan`), so a link or
 * a reload lands on it; the popup links to `#report`.
 */

export const SECTION_IDS = [
  "report",
  "general",
  "plan",
  "templates",
  "sites",
  "team",
  "data",
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

/** Each section's name, as its heading and its entry in the navigation say it. */
export const SECTION_LABELS: Record<SectionId, MessageKey> = {
  report: "options.report",
  general: "options.general",
  plan: "options.plan",
  templates: "options.templates",
  sites: "options.sites",
  team: "options.team",
  data: "options.data",
};

/** The section a URL hash names (`#plan`), or undefined for any other hash. */
export function sectionOfHash(hash: string): SectionId | undefined {
  const id = hash.replace(/^#/, "");
  return (SECTION_IDS as readonly string[]).includes(id)
    ? (id as SectionId)
    : undefined;
}

/** The sections whose form can hold unsaved edits (the report has nothing to save). */
export type DirtyForm = Exclude<SectionId, "report">;

/** The sections with unsaved edits, in page order. */
export function dirtySections(
  dirty: Readonly<Partial<Record<DirtyForm, boolean>>>,
): SectionId[] {
  return SECTION_IDS.filter((id) => dirty[id as DirtyForm] === true);
}
