import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { hasMessage, type Locale, type MessageKey } from "@/lib/i18n";
import type { BackupErrorCode } from "@/lib/messaging/backup-error";
import type { ReportRange } from "@/lib/db/report";
import type { SettingKey } from "@/lib/db/setting-values";
import type { TableName } from "@/lib/db/tables";
import type { TemplateOrigin } from "@/lib/db/templates";
import type { StepRule } from "@/lib/engine/settings";
import type { NudgeState } from "@/lib/model/nudge-state";
import { PLATFORM_IDS } from "@/lib/model/order";
import type { NudgeChannel, StepScenario } from "@/lib/model/steps";
import type {
  TemplateScenario,
  TemplateSegment,
} from "@/lib/templates/shipped";

import enWords from "@/locales/en.json";
import zhWords from "@/locales/zh-CN.json";

/**
 * Keys the source builds at run time (`t(locale, \`state.${state}\`)`): a prefix and the ids that
 * can follow it. A key counts as used when the source writes it out or it is a member here; the
 * source building a prefix not listed here fails, so every family is declared and its members are
 * checked one by one rather than waved through by prefix.
 */
interface KeyFamily {
  prefix: string;
  ids: readonly string[];
}

/** Fails the typecheck, naming the culprits, when a member's key is not a message key. */
type KeysExist<P extends string, Id extends string> = [
  Exclude<`${P}.${Id}`, MessageKey>,
] extends [never]
  ? unknown
  : { notMessageKeys: Exclude<`${P}.${Id}`, MessageKey> };

function family<P extends string, Id extends string>(
  prefix: P,
  ids: readonly Id[] & KeysExist<P, Id>,
): KeyFamily {
  return { prefix, ids };
}

/** Every member of a union, so one added to the type without words fails the typecheck here. */
function every<T extends string>() {
  return <const L extends readonly T[]>(
    ids: L &
      ([Exclude<T, L[number]>] extends [never]
        ? unknown
        : { missing: Exclude<T, L[number]> }),
  ): L => ids;
}

const KEY_FAMILIES: readonly KeyFamily[] = [
  family(
    "state",
    every<NudgeState>()([
      "upcoming",
      "snoozed",
      "due",
      "overdue",
      "reminded",
      "declined",
      "no-slot",
      "expired",
      "paid",
      "closed",
      "other",
    ]),
  ),
  // Only the shipped steps are labelled; callers check hasMessage or their own list first.
  family("step", [
    "consulted-now",
    "first",
    "follow-up",
    "final",
    "phone",
  ] satisfies StepScenario[]),
  family("channel", every<NudgeChannel>()(["chat", "sms", "phone", "button"])),
  family("platform", PLATFORM_IDS),
  family(
    "scenario",
    every<TemplateScenario>()([
      "consulted-now",
      "first",
      "follow-up",
      "final",
      "phone",
      "promo-low-stock",
      "promo-ending",
      "payment-help",
      "declined",
    ]),
  ),
  family(
    "segment",
    every<TemplateSegment>()(["any", "new", "returning", "high-value"]),
  ),
  family("locale", every<Locale>()(["zh", "en"])),
  family(
    "tpl.origin",
    every<TemplateOrigin>()(["default", "edited", "custom"]),
  ),
  family("report", every<ReportRange>()(["today", "week"])),
  family(
    "plan.only",
    every<NonNullable<StepRule["only"]>>()([
      "consulted",
      "silent",
      "high-value",
    ]),
  ),
  // The sample orders of the options page's plan preview (components/options/plan).
  family("plan.sample", ["silent", "consulted", "high-value"]),
  family(
    "setting",
    every<SettingKey>()([
      "agentName",
      "shopNames",
      "enabledPlatforms",
      "notificationsPaused",
      "quietHours",
      "channelWindows",
      "promotions",
      "promoWindows",
      "softWindow",
      "buyerCap",
      "highValueCents",
      "closeAfterMs",
      "minGapMs",
      "morningAt",
      "steps",
      "retentionDays",
      "welcomeShownAt",
      "taughtReaders",
      "panelPlace",
      "abTests",
      "attributionHours",
      "teamRoster",
      "teamMe",
    ]),
  ),
  // Tables a backup error can name; the options page checks hasMessage for the others.
  family("table", [
    "orders",
    "nudges",
    "settings",
    "alerts",
    "templates",
  ] satisfies TableName[]),
  family(
    "backup",
    every<BackupErrorCode>()([
      "not-json",
      "not-backup",
      "newer-version",
      "unknown-table",
      "too-many-rows",
      "bad-row",
      "duplicate-row",
      "incomplete",
      "interrupted",
      "commit-interrupted",
      "write-failed",
    ]),
  ),
];

const ROOT = join(import.meta.dirname, "../../../..");
const SOURCE_DIRS = ["lib", "components", "entrypoints"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const sources = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).map(
  (path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }),
);
const allSource = sources.map((s) => s.text).join("\n");
const keys = Object.keys(zhWords) as MessageKey[];
const familyKeys = new Set(
  KEY_FAMILIES.flatMap((f) => f.ids.map((id) => `${f.prefix}.${id}`)),
);

function writtenOut(key: string): boolean {
  return ['"', "'", "`"].some((q) => allSource.includes(`${q}${key}${q}`));
}

/** Prefixes of message keys the source completes at run time: \`state.${…}\` or "state." + …. */
function builtPrefixes(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = [
    /`([a-z][\w-]*(?:\.[\w-]+)*)\.\$\{/g,
    /["']([a-z][\w-]*(?:\.[\w-]+)*)\.["']\s*\+/g,
  ];
  for (const { path, text } of sources)
    for (const pattern of patterns)
      for (const m of text.matchAll(pattern)) {
        const prefix = m[1] ?? "";
        if (!keys.some((k) => k.startsWith(`${prefix}.`))) continue;
        found.set(prefix, [...(found.get(prefix) ?? []), path]);
      }
  return found;
}

describe("the locale files", () => {
  it("hold the same keys in every language, in the same order", () => {
    expect(Object.keys(enWords)).toEqual(Object.keys(zhWords));
  });

  it("give each message the same placeholders in every language", () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const en: Record<string, string> = enWords;
    // Chinese counts every item (等3件), English the others (and 2 more): the caller gives both.
    const countedDifferently: readonly MessageKey[] = ["order.items"];
    const differ = keys.filter(
      (k) =>
        !countedDifferently.includes(k) &&
        placeholders(zhWords[k]).join() !== placeholders(en[k] ?? "").join(),
    );
    expect(differ).toEqual([]);
  });

  it("use dots, never hyphens, between a key's parts", () => {
    // Hyphens belong to ids inside a part (scenario.follow-up), as the source spells them.
    expect(keys.filter((k) => !/^[a-z][\w-]*(\.[\w-]+)+$/i.test(k))).toEqual(
      [],
    );
  });
});

describe("message keys and the source", () => {
  it("has no key that nothing uses", () => {
    const unused = keys.filter((k) => !writtenOut(k) && !familyKeys.has(k));
    expect(unused).toEqual([]);
  });

  it("declares every family of keys the source builds at run time", () => {
    const built = builtPrefixes();
    const declared = new Set(KEY_FAMILIES.map((f) => f.prefix));
    const undeclared = [...built].filter(([prefix]) => !declared.has(prefix));
    expect(Object.fromEntries(undeclared)).toEqual({});
    const notBuilt = [...declared].filter((prefix) => !built.has(prefix));
    expect(notBuilt).toEqual([]);
  });

  it("has a message for every key the source builds or casts", () => {
    const missing = [...familyKeys].filter((k) => !hasMessage(k));
    const cast = sources.flatMap(({ text }) =>
      [...text.matchAll(/["'`]([^"'`$]+)["'`]\s+as\s+MessageKey/g)].map(
        (m) => m[1] ?? "",
      ),
    );
    expect([...missing, ...cast.filter((k) => !hasMessage(k))]).toEqual([]);
  });
});
