/*
 * The host takes no height in its row's line: 22 px tall (the button: 18 px of line, 1 px padding
 * and 1 px border above and below), minus 11 px of margin above and below, centred on the line. A
 * badge taller than the row's line (12 px text, 18 px lines on Taobao) made each row it went into
 * taller, so every row below moved, and the browser re-painted the whole list after each frame of
 * badges (60 ms of a 1 000-order list's frame for a slice of 125 badges).
 */
const STYLE = `
  :host { all: initial; display: inline-block; height: 22px; margin: -11px 8px; vertical-align: middle; }
  button {
    all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; gap: 6px; align-items: center;
    font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
    padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; white-space: nowrap;
  }
  button:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
  .upcoming { color: #ad6800; background: #fffbe6; }
  .due { color: #fff; background: #ff5000; border-color: #ff5000; }
  .overdue { color: #fff; background: #cf1322; border-color: #cf1322; }
  .reminded { color: #531dab; background: #f9f0ff; }
  .declined { color: #8c8c8c; background: #fafafa; border-style: dashed; }
  .expired { color: #8c8c8c; background: #fafafa; }
  .no-slot { color: #8c8c8c; background: #fafafa; border-style: dotted; }
  .paid, .closed, .other { color: #8c8c8c; background: transparent; border-color: #d9d9d9; cursor: default; }
  .when { opacity: 0.85; }
  .step, .meta { font-size: 11px; opacity: 0.85; }
  .step:empty, .meta:empty { display: none; }
  .snoozed { color: #1d39c4; background: #f0f5ff; }
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
