import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_TEMPLATES,
  type MessageTemplate,
} from "@/lib/templates/shipped";

/*
 * The seller's templates, stored in the `templates` table: templates they wrote, and their edits of
 * shipped ones. An edited shipped template is stored under the shipped id and replaces it; deleting
 * that row restores the shipped wording. Rows are checked as they are written and read
 * (lib/schemas/templates.ts).
 */

export const TEMPLATE_BODY_MAX = 2000;

const DEFAULT_IDS = new Set(DEFAULT_TEMPLATES.map((tpl) => tpl.id));

export function isDefaultTemplateId(id: string): boolean {
  return DEFAULT_IDS.has(id);
}

/** Where a template in the merged set comes from. */
export type TemplateOrigin = "default" | "edited" | "custom";

export interface TemplateEntry {
  template: MessageTemplate;
  origin: TemplateOrigin;
}

/** Deletes the seller's template, or their edit of a shipped one (restoring the shipped wording). */
export async function deleteTemplate(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  await db.templates.delete(id);
}

/** A fresh id for a template the seller writes; never one of the shipped ids. */
export function newTemplateId(
  now: number,
  random: () => number = Math.random,
): string {
  return `custom-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36)}`;
}
