import { z } from "zod";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_CHANNELS,
  TEMPLATE_SCENARIOS,
  TEMPLATE_SEGMENTS,
  type MessageTemplate,
} from "@/lib/templates/shipped";
import { unknownVariables } from "@/lib/templates/render";

/*
 * The seller's templates, stored in the `templates` table: templates they wrote, and their edits of
 * shipped ones. An edited shipped template is stored under the shipped id and replaces it; deleting
 * that row restores the shipped wording.
 */

export const TEMPLATE_BODY_MAX = 2000;

/** A template as stored or sent by the options page; a body naming an unknown variable is refused. */
export const MessageTemplateSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(80)
      .regex(/^[A-Za-z0-9_-]+$/),
    scenario: z.enum(TEMPLATE_SCENARIOS),
    segment: z.enum(TEMPLATE_SEGMENTS),
    channel: z.enum(TEMPLATE_CHANNELS),
    locale: z.enum(["zh", "en"]),
    orderKind: z.enum(["consulted", "silent"]).optional(),
    name: z.string().trim().min(1).max(60),
    body: z.string().trim().min(1).max(TEMPLATE_BODY_MAX),
  })
  .refine((tpl) => unknownVariables(tpl.body).length === 0, {
    message: "unknown variable",
    path: ["body"],
  });

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

/**
 * The merged set with the origin of each: the seller's own templates first (on a tie in
 * templatesFor, the one they wrote wins), then the shipped ones, an edited one in its shipped place.
 * Stored rows that are not valid templates are left out: a broken row never breaks the messages.
 */
export function mergeTemplates(stored: readonly unknown[]): TemplateEntry[] {
  const overrides = new Map<string, MessageTemplate>();
  const custom: TemplateEntry[] = [];
  for (const row of stored) {
    const parsed = MessageTemplateSchema.safeParse(row);
    if (!parsed.success) continue;
    const tpl = parsed.data as MessageTemplate;
    if (DEFAULT_IDS.has(tpl.id)) overrides.set(tpl.id, tpl);
    else custom.push({ template: tpl, origin: "custom" });
  }
  custom.sort(
    (a, b) =>
      a.template.name.localeCompare(b.template.name) ||
      a.template.id.localeCompare(b.template.id),
  );
  const shipped = DEFAULT_TEMPLATES.map((tpl): TemplateEntry => {
    const edited = overrides.get(tpl.id);
    return edited
      ? { template: edited, origin: "edited" }
      : { template: tpl, origin: "default" };
  });
  return [...custom, ...shipped];
}

export async function templateEntries(
  db: PayNudgeDB,
): Promise<TemplateEntry[]> {
  return mergeTemplates(await db.templates.toArray());
}

/** Every template the agent may use: shipped ones merged with the seller's (for templatesFor). */
export async function allTemplates(db: PayNudgeDB): Promise<MessageTemplate[]> {
  return (await templateEntries(db)).map((entry) => entry.template);
}

/** Stores a new or edited template (validated); an edit of a shipped one overrides it. */
export async function saveTemplate(
  db: PayNudgeDB,
  data: unknown,
): Promise<MessageTemplate> {
  const tpl = MessageTemplateSchema.parse(data) as MessageTemplate;
  await db.templates.put(tpl);
  return tpl;
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
