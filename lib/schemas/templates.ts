import { z } from "zod";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  isDefaultTemplateId,
  TEMPLATE_BODY_MAX,
  type TemplateEntry,
} from "@/lib/db/templates";
import { unknownVariables } from "@/lib/templates/render";
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_CHANNELS,
  TEMPLATE_SCENARIOS,
  TEMPLATE_SEGMENTS,
  type MessageTemplate,
} from "@/lib/templates/shipped";
import { schemaOf } from "@/lib/schemas/schema-of";

/*
 * The seller's templates, checked: as the options page sends them and as the `templates` table
 * holds them (lib/db/templates.ts), merged with the shipped ones.
 */

/** A template as stored or sent by the options page; a body naming an unknown variable is refused. */
export const MessageTemplateSchema = schemaOf<MessageTemplate>()(
  z
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
    }),
);

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
    const tpl = parsed.data;
    if (isDefaultTemplateId(tpl.id)) overrides.set(tpl.id, tpl);
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
  const tpl = MessageTemplateSchema.parse(data);
  await db.templates.put(tpl);
  return tpl;
}
