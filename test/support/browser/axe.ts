import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/*
 * The automated accessibility check of every surface (issue 15): axe-core's own source, injected
 * into a page of real Chromium and run there. Injected through the DevTools protocol (evaluate),
 * not a <script> tag, so the extension pages' CSP neither blocks it nor is loosened for it, and
 * nothing of it ships in the extension.
 */

/**
 * The rules every surface must pass with zero violations: text contrast (WCAG AA), and every
 * control, link and ARIA widget named, with valid ARIA. A surface may name its own (`rules`).
 */
const AXE_RULES: readonly string[] = [
  "color-contrast",
  "label",
  "button-name",
  "link-name",
  "input-button-name",
  "select-name",
  "image-alt",
  "aria-command-name",
  "aria-input-field-name",
  "aria-toggle-field-name",
  "aria-meter-name",
  "aria-progressbar-name",
  "aria-tooltip-name",
  "aria-treeitem-name",
  "aria-dialog-name",
  "aria-text",
  "aria-allowed-attr",
  "aria-required-attr",
  "aria-valid-attr",
  "aria-valid-attr-value",
  "aria-roles",
  "aria-hidden-focus",
];

export interface AxeCheck {
  /** Rules to run: AXE_RULES unless given. */
  rules?: readonly string[];
  /** CSS selectors the check covers (the whole document by default). */
  include?: string[];
  /** CSS selectors it leaves out. */
  exclude?: string[];
}

/** One rule broken on one element, as the report lists it. */
export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  target: string;
  summary: string;
}

const require = createRequire(import.meta.url);
let source: string | undefined;

/** What axe-core finds on `page` now, one entry per element and rule. */
export async function axeViolations(
  page: Page,
  { rules = AXE_RULES, include, exclude }: AxeCheck = {},
): Promise<AxeViolation[]> {
  const injected = await page.evaluate(
    () => typeof (globalThis as { axe?: unknown }).axe === "object",
  );
  if (!injected) {
    source ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    await page.evaluate(source);
  }
  return page.evaluate(
    async ({ rules, include, exclude }) => {
      const axe = (
        globalThis as unknown as {
          axe: {
            run(
              context: unknown,
              options: unknown,
            ): Promise<{
              violations: {
                id: string;
                impact?: string | null;
                help: string;
                nodes: { target: unknown[]; failureSummary?: string }[];
              }[];
            }>;
          };
        }
      ).axe;
      const context =
        include || exclude
          ? {
              ...(include && { include: include.map((s) => [s]) }),
              ...(exclude && { exclude: exclude.map((s) => [s]) }),
            }
          : document;
      const { violations } = await axe.run(context, {
        runOnly: { type: "rule", values: rules },
        resultTypes: ["violations"],
      });
      return violations.flatMap((v) =>
        v.nodes.map((node) => ({
          rule: v.id,
          impact: v.impact ?? "",
          help: v.help,
          target: node.target.map(String).join(" "),
          summary: (node.failureSummary ?? "").replace(/\s+/g, " ").trim(),
        })),
      );
    },
    { rules: [...rules], include, exclude },
  );
}

/** The violations as a readable list: rule, impact, element, and what axe says to fix. */
function axeReport(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.rule} (${v.impact}) at ${v.target}: ${v.help}. ${v.summary}`,
    )
    .join("\n");
}

/** Fails, listing every violation, unless axe-core finds none on `page` (`what` names it). */
export async function expectNoAxeViolations(
  page: Page,
  what: string,
  check: AxeCheck = {},
): Promise<void> {
  const violations = await axeViolations(page, check);
  if (violations.length)
    throw new Error(
      `${what}: ${violations.length} accessibility violation(s)\n${axeReport(violations)}`,
    );
}

/**
 * The same check inside a closed shadow root (the badge and its drawer): axe-core cannot enter a
 * closed root, so the root's content and its stylesheets (adopted ones too), read through the
 * DevTools protocol, are copied into an open root at the same place on the page, checked there
 * over the same page background, and the copy removed.
 */
export async function expectNoAxeViolationsInClosedRoot(
  page: Page,
  hostSelector: string,
  what: string,
  check: Omit<AxeCheck, "include"> = {},
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let copy: { html: string; css: string } | undefined;
  try {
    const { root } = await cdp.send("DOM.getDocument", {
      depth: -1,
      pierce: true,
    });
    const { nodeId: hostId } = await cdp.send("DOM.querySelector", {
      nodeId: root.nodeId,
      selector: hostSelector,
    });
    type Node = { nodeId: number; children?: Node[]; shadowRoots?: Node[] };
    const find = (node: Node): Node | undefined =>
      node.nodeId === hostId
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])]
            .map(find)
            .find(Boolean);
    const shadow = hostId ? find(root as Node)?.shadowRoots?.[0] : undefined;
    if (!shadow) throw new Error(`${what}: no shadow root on ${hostSelector}`);
    const { object } = await cdp.send("DOM.resolveNode", {
      nodeId: shadow.nodeId,
    });
    const { result } = await cdp.send("Runtime.callFunctionOn", {
      objectId: object.objectId!,
      functionDeclaration: `function () {
        const sheets = [...(this.adoptedStyleSheets ?? [])];
        return {
          html: this.innerHTML,
          css: sheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\\n"),
        };
      }`,
      returnByValue: true,
    });
    copy = result.value as { html: string; css: string };
  } finally {
    await cdp.detach();
  }
  const id = "paynudge-axe-copy";
  await page.evaluate(
    ({ host, id, html, css }) => {
      const original = document.querySelector(host)!;
      const box = original.getBoundingClientRect();
      const copyHost = document.createElement("div");
      copyHost.id = id;
      copyHost.style.cssText = `position:absolute;left:${box.left + scrollX}px;top:${box.top + scrollY}px;`;
      const root = copyHost.attachShadow({ mode: "open" });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = html;
      original.parentElement!.append(copyHost);
    },
    { host: hostSelector, id, ...copy },
  );
  try {
    await expectNoAxeViolations(page, what, { ...check, include: [`#${id}`] });
  } finally {
    await page.evaluate((id) => document.getElementById(id)?.remove(), id);
  }
}
