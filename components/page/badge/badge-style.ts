/*
 * The host takes no height in its row's line: 22 px tall (the button: 18 px of line, 1 px padding
 * and 1 px border above and below), minus 11 px of margin above and below, centred on the line. A
 * badge taller than the row's line (12 px text, 18 px lines on Taobao) made each row it went into
 * taller, so every row below moved, and the browser re-painted the whole list after each frame of
 * badges (60 ms of a 1 000-order list's frame for a slice of 125 badges).
 */
/**
 * Each state's text and background, at WCAG AA (4.5:1 for the badge's 11–12 px text) on the
 * page's white: a badge is read at a glance, from the side of the eye (a unit test checks each).
 * `transparent` stands on the row's own (white) background.
 */
export const BADGE_STATE_COLOURS = {
  upcoming: { color: "#874d00", background: "#fffbe6" },
  due: { color: "#ffffff", background: "#c43d00", border: "#c43d00" },
  overdue: { color: "#ffffff", background: "#a8071a", border: "#a8071a" },
  reminded: { color: "#531dab", background: "#f9f0ff" },
  declined: { color: "#595959", background: "#fafafa", style: "dashed" },
  expired: { color: "#595959", background: "#fafafa" },
  "no-slot": { color: "#595959", background: "#fafafa", style: "dotted" },
  paid: { color: "#595959", background: "transparent", border: "#d9d9d9" },
  closed: { color: "#595959", background: "transparent", border: "#d9d9d9" },
  other: { color: "#595959", background: "transparent", border: "#d9d9d9" },
  // Last: a snoozed badge also carries its state's class, and shows the snooze.
  snoozed: { color: "#1d39c4", background: "#f0f5ff" },
} as const;

function stateRules(): string {
  return Object.entries(BADGE_STATE_COLOURS)
    .map(([state, c]) => {
      const border = "border" in c ? ` border-color: ${c.border};` : "";
      const style = "style" in c ? ` border-style: ${c.style};` : "";
      // A settled order's badge says so and does nothing more.
      const cursor = c.background === "transparent" ? " cursor: default;" : "";
      return `  .${state} { color: ${c.color}; background: ${c.background};${border}${style}${cursor} }`;
    })
    .join("\n");
}

const STYLE = `
  :host { all: initial; display: inline-block; height: 22px; margin: -11px 8px; vertical-align: middle; }
  button {
    all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; gap: 6px; align-items: center;
    font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
    padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; white-space: nowrap;
  }
  button:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
${stateRules()}
  .theirs { color: #595959; background: #fafafa; border-color: #d9d9d9; border-style: solid; }
  .step, .meta { font-size: 11px; }
  .step:empty, .meta:empty { display: none; }
  .flash { font-weight: 600; }
  .flash.warn { color: #ad4e00; background: #fff1b8; border-radius: 8px; padding: 0 4px; }
  .settings { margin-left: 4px; color: #ad4e00; background: #fff7e6; border-color: #ffd591; }
  .panel { position: fixed; z-index: 2147483647; }
  .panel .pn-panel { max-height: calc(100vh - 16px); }
  .panel[hidden] { display: none; }
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * One stylesheet for every badge of a page: a thousand badges must not mean a thousand <style>
 * elements to parse and match. Undefined where constructable sheets are missing (then <style>).
 */
function sharedSheet(doc: Document): CSSStyleSheet | undefined {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (
    !View?.CSSStyleSheet ||
    !("adoptedStyleSheets" in View.Document.prototype)
  )
    return undefined;
  let sheet = sheets.get(doc);
  if (!sheet) {
    try {
      sheet = new View.CSSStyleSheet();
      sheet.replaceSync(STYLE);
    } catch {
      return undefined;
    }
    sheets.set(doc, sheet);
  }
  return sheet;
}

/** Styles a badge's shadow root: the page's shared sheet, or a <style> of its own. */
export function styleBadge(root: ShadowRoot, doc: Document): void {
  const sheet = sharedSheet(doc);
  if (sheet) root.adoptedStyleSheets = [sheet];
  else {
    const style = doc.createElement("style");
    style.textContent = STYLE;
    root.append(style);
  }
}
