/*
 * Finding what the page shows: PayNudge reads and writes only what the agent can see (the open
 * chat's header, the open chat box, the open memo field), never a hidden copy of it.
 */

/** Hidden by an attribute on it or an ancestor, or by its computed style. */
function isHidden(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"]')) return true;
  // Without layout (tests) only the inline style can tell; in the browser the computed style does.
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style?.display === "none" || style?.visibility === "hidden";
}

/**
 * The first shown element matching one of `selectors`, tried in order (the most specific, newest
 * page variant first), that `accept` takes. Bad selectors are skipped rather than thrown.
 */
export function firstShown(
  root: ParentNode,
  selectors: readonly string[],
  accept: (el: Element) => boolean,
): Element | undefined {
  for (const selector of selectors) {
    let found: NodeListOf<Element>;
    try {
      found = root.querySelectorAll(selector);
    } catch {
      continue;
    }
    for (const el of found)
      if (el.isConnected && accept(el) && !isHidden(el)) return el;
  }
  return undefined;
}
