// Taobao's legacy sold-items list as a single-page app draws it (the page-speed benchmark): the page
// loads with an empty list, then its own script puts every order row in at once, and later draws
// the whole list again (every row element replaced by a fresh copy of the same markup, as React
// does when the seller switches tabs and back). The rows' markup is renderTaobaoSoldList's, so the
// adapter reads them exactly as on the server-rendered page.
import { renderTaobaoSoldList } from "./taobao-page.mjs";

const LIST_START = '<div class="list-head">';
const LIST_END = '<div class="pagination">';

/**
 * The page's own script. Moments are the page's performance.now(): `__rowsStart` / `__rowsIn`
 * right before and after the rows went in, `__rerenderStart` before the list is drawn again, `__rerenderAt` right after the list was drawn again; `__rowsFrame` / `__rerenderFrame` in
 * the frame after them (an animation-frame callback, in the task that then styles and lays them
 * out), `__rowsPainted` / `__rerenderPainted` once that frame is drawn (the page's own rendering,
 * the floor beside the badges).
 * With `?rowsAfter=ms&rerenderAfter=ms&idle=ms` it runs that scenario by itself from its load event
 * and sets `__done` at the end; without, the driver calls `__insertRows()` and `__rerender()`.
 */
const SCENARIO = (rows) => `
(() => {
  const ROWS = ${JSON.stringify(rows).replace(/</g, "\\u003c")};
  const list = document.getElementById('order-list');
  // The frame after: its start (inside the frame's task, before its style and layout) and the
  // first moment after it was drawn.
  const painted = (key) =>
    requestAnimationFrame(() => {
      window[key + 'Frame'] = performance.now();
      setTimeout(() => { window[key + 'Painted'] = performance.now(); });
    });
  window.__insertRows = () => {
    window.__rowsStart = performance.now();
    list.innerHTML = ROWS;
    window.__rowsIn = performance.now();
    painted('__rows');
  };
  window.__rerender = () => {
    window.__rerenderStart = performance.now();
    // A fresh list: the old row elements leave the document, new ones of the same markup come in.
    list.innerHTML = ROWS;
    window.__rerenderAt = performance.now();
    painted('__rerender');
  };
  const params = new URLSearchParams(location.search);
  if (!params.has('rowsAfter')) return;
  const at = (key) => Number(params.get(key));
  addEventListener('load', () =>
    setTimeout(() => {
      window.__insertRows();
      setTimeout(() => {
        window.__rerender();
        setTimeout(() => { window.__done = true; }, at('idle'));
      }, at('rerenderAfter'));
    }, at('rowsAfter')),
  );
})();
`;

/**
 * @param {import('./orders.mjs').DemoOrder[]} orders
 * @param {{ shopName: string }} opts
 * @returns {string} the page: the list empty, the rows in its script
 */
export function renderTaobaoSpaList(orders, opts) {
  const full = renderTaobaoSoldList(orders, {
    shopName: opts.shopName,
    pageSize: orders.length,
  });
  const head = full.indexOf(LIST_START);
  const headEnd = full.indexOf("</div>", head) + "</div>".length;
  const end = full.indexOf(LIST_END, headEnd);
  if (head < 0 || end < 0) throw new Error("order list markup not found");
  const rows = full.slice(headEnd, end).trim();
  return (
    full.slice(0, headEnd) +
    '\n    <div id="order-list"></div>\n    ' +
    full
      .slice(end)
      .replace("</body>", () => `<script>${SCENARIO(rows)}</script>\n</body>`)
  );
}
