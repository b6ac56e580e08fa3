/** Coalesce bursts of DOM changes (an SPA renders a page in many small steps). */
const SETTLE_MS = 60;
/** After the agent's click or focus, the page gets this long to open what it opens. */
const INPUT_SETTLE_MS = 50;

/**
 * Calls `onChange` once a burst of page changes settles: DOM changes other than PayNudge's own UI
 * coming and going (`isOwn`), and route changes of single-page apps. Stops when `signal` aborts.
 */
export function onPageChanges(
  doc: Document,
  isOwn: (node: Node) => boolean,
  signal: AbortSignal,
  onChange: () => void,
): void {
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(onChange, SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    const relevant = records.some(
      (r) =>
        r.type !== "childList" ||
        ![...r.addedNodes, ...r.removedNodes].every(isOwn),
    );
    if (relevant) later();
  });
  // Observing the document (not documentElement) also survives an SPA replacing <html>'s children.
  observer.observe(doc, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  // The adapters may change with the URL even when the DOM does not (yet). History and hash
  // changes, and the Navigation API where the browser has it.
  const view = doc.defaultView;
  view?.addEventListener("popstate", later, { signal });
  view?.addEventListener("hashchange", later, { signal });
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)
    ?.navigation;
  navigation?.addEventListener("navigatesuccess", later, { signal });
  signal.addEventListener(
    "abort",
    () => {
      observer.disconnect();
      clearTimeout(settleTimer);
    },
    { once: true },
  );
}

/**
 * Calls `onInput` shortly after the agent clicks or focuses anything on the page (a chat box or the
 * memo dialog may have opened). Stops when `signal` aborts.
 */
export function onAgentInput(
  doc: Document,
  signal: AbortSignal,
  onInput: () => void,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(onInput, INPUT_SETTLE_MS);
  };
  doc.addEventListener("click", soon, {
    capture: true,
    passive: true,
    signal,
  });
  doc.addEventListener("focusin", soon, { capture: true, signal });
  signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
}
