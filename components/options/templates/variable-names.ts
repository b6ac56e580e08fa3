import type { Locale } from "@/lib/i18n";
import {
  TEMPLATE_VARIABLES,
  type TemplateVariable,
} from "@/lib/templates/render";

/*
 * Template variables as the agent reads and writes them: by their names in the UI's language
 * (`{{下单时间}}`), while the stored body keeps the keys the renderer knows (`{{orderTime}}`).
 */

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const VARIABLES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

function isVariable(name: string): name is TemplateVariable {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);
}

/** Every name a variable is written by, key or label in any language, lower-cased. */
const BY_NAME = new Map<string, TemplateVariable>(
  VARIABLES.flatMap((key) => [
    [key.toLowerCase(), key] as const,
    ...Object.values(TEMPLATE_VARIABLES[key]).map(
      (label) => [label.toLowerCase(), key] as const,
    ),
  ]),
);

/** The placeholder the agent sees and types for a variable: `{{下单时间}}`. */
export function shownToken(name: TemplateVariable, locale: Locale): string {
  return `{{${TEMPLATE_VARIABLES[name][locale]}}}`;
}

/** A stored body as the editor shows it: each known variable by its name in `locale`. */
export function bodyForEditing(body: string, locale: Locale): string {
  return body.replace(PLACEHOLDER, (whole, raw: string) =>
    isVariable(raw) ? shownToken(raw, locale) : whole,
  );
}

/**
 * What the editor's text is stored as: each variable written by its name (in either language) or
 * by its key becomes its key; anything else stays as written, for the check to name.
 */
export function bodyToStore(text: string): string {
  return text.replace(PLACEHOLDER, (whole, raw: string) => {
    const key = BY_NAME.get(raw.toLowerCase());
    return key ? `{{${key}}}` : whole;
  });
}

/** One piece of a stored body as the list shows it: literal text, or a variable by its name. */
export interface ShownPart {
  text: string;
  variable?: TemplateVariable;
}

/** A stored body split for the list, each known variable shown as 「下单时间」 ([order time]). */
export function shownParts(body: string, locale: Locale): ShownPart[] {
  const parts: ShownPart[] = [];
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    const raw = m[1] ?? "";
    if (!isVariable(raw)) continue;
    if (m.index > last) parts.push({ text: body.slice(last, m.index) });
    const label = TEMPLATE_VARIABLES[raw][locale];
    parts.push({
      text: locale === "zh" ? `「${label}」` : `[${label}]`,
      variable: raw,
    });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
