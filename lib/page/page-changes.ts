import {
  markShadowFree,
  MAX_SHADOW_DEPTH,
  MAX_SHADOW_HOSTS,
  openShadowRoots,
} from "@/lib/platforms/shared/shadow";
import { nextTask } from "@/lib/page/next-task";

/** Coalesce bursts of DOM changes (an SPA renders a page in many small steps). */
const SETTLE_MS = 60;
/** Past this many changed places in one burst, the page is read again whole. */
const MAX_CHANGED_NODES = 2000;
/** How often custom elements still undefined are looked at (their definition may bring a root). */
const UPGRADE_POLL_MS = 1000;
/** At most this many undefined custom elements are waited for. */
const MAX_PENDING = 500;
/** Added elements kept for a burst's end; past this many, a page that never settles is looked into. */
const MAX_ADDED = 10_000;

/**
 * What changed in a burst: the nodes whose text or children changed, or `everything` (the route
 * changed, or too much changed to follow node by node).
 */
export type PageChange =
  { everything: true } | { everything: false; nodes: ReadonlySet<Node> };
/** The walks of the subtrees added in a burst give the page its thread back this often. */
const WALK_SLICE_MS = 8;
/** After the agent's click or focus, the page gets this long to open what it opens. */
const INPUT_SETTLE_MS = 50;

/**
 * Calls `onChange` once a burst of page changes settles: DOM changes other than PayNudge's own UI
 * coming and going (`isOwn`), inside open shadow roots too (present at the start or added later,
 * as deep as the adapters search), and route changes of single-page apps, with where they happened
 * (a ticking countdown changes one text node in one row). `onAdded` hears of the elements the page
 * added right away, in the page's own task (before the browser lays them out). Stops when `signal`
 * aborts.
 */
export function onPageChanges(
  doc: Document,
  isOwn: (node: Node) => boolean,
  signal: AbortSignal,
  onChange: (change: PageChange) => void,
  onAdded?: (elements: readonly Element[]) => void,
): void {
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let changed: Set<Node> | "everything" = new Set();
  /** Elements the page added in this burst: looked into once it settles (see lookIntoAdded). */
  let added: Element[] = [];
  const settled = async () => {
    const elements = added;
    added = [];
    const change: PageChange =
      changed === "everything"
        ? { everything: true }
        : { everything: false, nodes: changed };
    changed = new Set();
    // The walks and the reading that follows in tasks of their own: together, after an SPA put
    // 1 000 rows in, they made one task of PayNudge's longer than 50 ms.
    await lookIntoAdded(elements);
    await nextTask();
    if (!signal.aborted) onChange(change);
  };
  const later = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void settled(), SETTLE_MS);
  };
  const everything = () => {
    changed = "everything";
    later();
  };
  const options: MutationObserverInit = {
    childList: true,
    subtree: true,
    characterData: true,
  };
  /** How deep each observed shadow root lies: roots found inside it go at most as deep as search. */
  const depthOf = new WeakMap<Node, number>();
  /** Observes the open shadow roots under `scope` (which lies `depth` roots deep) not yet observed. */
  const observeRoot = (shadow: ShadowRoot) => {
    // A root's depth is its host's plus one; the host's tree is observed already.
    depthOf.set(shadow, (depthOf.get(shadow.host.getRootNode()) ?? 0) + 1);
    observer.observe(shadow, options);
    // Until a root is seen, the adapters' searches skip asking every element for one.
    markShadowFree(doc, false);
  };
  /**
   * Observes the open shadow roots under `scope` (which lies `depth` roots deep) not yet observed,
   * entering at most `budget.hosts` hosts; answers how many.
   */
  const observeRoots = (
    scope: ParentNode,
    depth: number,
    budget = { hosts: MAX_SHADOW_HOSTS },
  ): number => {
    let found = 0;
    for (const shadow of openShadowRoots(
      scope,
      MAX_SHADOW_DEPTH - depth,
      budget,
    )) {
      if (depthOf.has(shadow)) continue;
      observeRoot(shadow);
      found += 1;
    }
    return found;
  };
  /**
   * Custom elements not defined yet (a micro-frontend's bundle arrives after its markup): when the
   * definition comes, the element may attach an open root and render into it, and no mutation
   * record says so. They are looked at every UPGRADE_POLL_MS while there are any.
   */
  const pending = new Set<Element>();
  let pendingTimer: ReturnType<typeof setInterval> | undefined;
  const checkPending = () => {
    let found = false;
    for (const el of pending) {
      if (el.isConnected && !el.matches(":defined")) continue;
      pending.delete(el);
      if (el.isConnected && el.shadowRoot)
        found =
          observeRoots(el, depthOf.get(el.getRootNode()) ?? 0) > 0 || found;
    }
    if (!pending.size) {
      clearInterval(pendingTimer);
      pendingTimer = undefined;
    }
    if (found) everything();
  };
  const pollPending = () => {
    if (pending.size && !pendingTimer)
      pendingTimer = setInterval(checkPending, UPGRADE_POLL_MS);
  };
  const waitForDefinitions = (scope: Element | Document) => {
    for (const el of scope.querySelectorAll(":not(:defined)")) {
      if (pending.size >= MAX_PENDING) break;
      if (!isOwn(el)) pending.add(el);
    }
    pollPending();
  };
  /**
   * Added elements, each looked into in one walk of its subtree: the open roots it brings are
   * observed (at most `room` hosts entered; answers how many roots were found), the custom
   * elements still undefined are waited for.
   */
  const lookInto = (scope: Element, room: number): number => {
    const depth = depthOf.get(scope.getRootNode()) ?? 0;
    const budget = { hosts: room };
    let found = 0;
    const visit = (el: Element) => {
      const shadow = el.shadowRoot;
      if (
        shadow &&
        depth < MAX_SHADOW_DEPTH &&
        budget.hosts > 0 &&
        !depthOf.has(shadow)
      ) {
        budget.hosts -= 1;
        observeRoot(shadow);
        found += 1 + observeRoots(shadow, depth + 1, budget);
      }
      // Only a custom element (a hyphenated name, or a built-in extended with `is`) can be undefined.
      if (
        (el.localName.includes("-") || el.hasAttribute("is")) &&
        pending.size < MAX_PENDING &&
        !el.matches(":defined") &&
        !isOwn(el)
      )
        pending.add(el);
    };
    visit(scope);
    // By index from a live collection: the cheapest walk of a subtree (see shared/shadow.ts).
    const all = scope.getElementsByTagName("*");
    for (let i = 0; i < all.length; i++) visit(all[i]!);
    return found;
  };
  /**
   * Looks into the elements added in a burst once it settles, not in the mutation callback: that
   * runs inside the page's own task (an SPA putting 1 000 rows in), which the walks of every added
   * subtree would lengthen, and a root attached in the meantime is found all the same. At most
   * MAX_SHADOW_HOSTS new roots a burst (a hostile page adding hosts by the thousand): the searches
   * still read the others, their own changes are only not followed.
   */
  const lookIntoAdded = async (elements: readonly Element[]) => {
    let room = MAX_SHADOW_HOSTS;
    let start = performance.now();
    for (const el of elements) {
      if (room > 0 && el.isConnected) room -= lookInto(el, room);
      if (performance.now() - start > WALK_SLICE_MS) {
        await nextTask();
        if (signal.aborted) return;
        start = performance.now();
      }
    }
    pollPending();
  };
  /** A change of the page's, not only PayNudge's own badges coming and going. */
  const relevant = (r: MutationRecord) =>
    r.type !== "childList" ||
    ![...r.addedNodes, ...r.removedNodes].every(isOwn);
  const observer = new MutationObserver((records) => {
    const theirs = records.filter(relevant);
    if (!theirs.length) return;
    // Components added since (a web-component table rendered late) are observed inside as well.
    const now: Element[] = [];
    for (const r of theirs)
      for (const node of r.addedNodes)
        if (node.nodeType === 1 && !isOwn(node)) now.push(node as Element);
    if (now.length) {
      onAdded?.(now);
      for (const el of now) added.push(el);
      if (added.length > MAX_ADDED) {
        void lookIntoAdded(added);
        added = [];
      }
    }
    if (changed !== "everything") {
      for (const r of theirs) changed.add(r.target);
      if (changed.size > MAX_CHANGED_NODES) changed = "everything";
    }
    later();
  });
  // Observing the document (not documentElement) also survives an SPA replacing <html>'s children.
  observer.observe(doc, options);
  if (!observeRoots(doc, 0)) markShadowFree(doc, true);
  waitForDefinitions(doc);
  // The adapters may change with the URL even when the DOM does not (yet). History and hash
  // changes, and the Navigation API where the browser has it.
  const view = doc.defaultView;
  view?.addEventListener("popstate", everything, { signal });
  view?.addEventListener("hashchange", everything, { signal });
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)
    ?.navigation;
  navigation?.addEventListener("navigatesuccess", everything, { signal });
  signal.addEventListener(
    "abort",
    () => {
      observer.disconnect();
      clearTimeout(settleTimer);
      clearInterval(pendingTimer);
      // Nobody follows the page's roots any more: searches look for them again.
      markShadowFree(doc, false);
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
