import { afterEach, describe, expect, it } from "vitest";
import { onPageChanges } from "@/lib/page/page-changes";
import {
  deepQueryAll,
  MAX_SHADOW_DEPTH,
  MAX_SHADOW_HOSTS,
} from "@/lib/platforms/shared/shadow";
import { until } from "@/test/support/until";

/*
 * Page changes inside open shadow roots (issue 14): those present at the start, those of components
 * added later (and nested in them), never past the adapters' depth bound, and nothing after abort.
 */

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.body.replaceChildren();
});

/** Starts watching; `changes()` tells how many settled bursts were reported so far. */
function watch() {
  const controller = new AbortController();
  controllers.push(controller);
  let count = 0;
  onPageChanges(
    document,
    (node) => node.nodeName === "PAYNUDGE-BADGE",
    controller.signal,
    () => (count += 1),
  );
  return { changes: () => count, stop: () => controller.abort() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function component(html = "<div></div>"): { el: Element; root: ShadowRoot } {
  const el = document.createElement("x-list");
  const root = el.attachShadow({ mode: "open" });
  root.innerHTML = html;
  return { el, root };
}

describe("onPageChanges in open shadow roots", () => {
  it("reports a change inside a root present at the start", async () => {
    const { el, root } = component();
    document.body.append(el);
    const w = watch();
    root.firstElementChild!.append("新订单");
    await until(w.changes, (n) => n === 1);
  });

  it("reports changes inside components added later, nested ones too", async () => {
    const w = watch();
    const outer = component("<section></section>");
    const inner = component("<ul></ul>");
    outer.root.firstElementChild!.append(inner.el);
    document.body.append(outer.el);
    await until(w.changes, (n) => n === 1);
    inner.root.firstElementChild!.append(document.createElement("li"));
    await until(w.changes, (n) => n === 2);
    // A text change (a countdown, a status turning paid) inside the nested root.
    const li = inner.root.querySelector("li")!;
    li.textContent = "等待买家付款";
    await until(w.changes, (n) => n === 3);
    li.firstChild!.nodeValue = "买家已付款";
    await until(w.changes, (n) => n === 4);
  });

  it(`does not observe roots deeper than ${MAX_SHADOW_DEPTH}`, async () => {
    let at = component();
    document.body.append(at.el);
    const roots = [at.root];
    for (let i = 1; i <= MAX_SHADOW_DEPTH; i++) {
      const next = component();
      at.root.firstElementChild!.append(next.el);
      roots.push(next.root);
      at = next;
    }
    const w = watch();
    roots[MAX_SHADOW_DEPTH - 1]!.firstElementChild!.append("seen");
    await until(w.changes, (n) => n === 1);
    roots[MAX_SHADOW_DEPTH]!.firstElementChild!.append("too deep");
    await settle();
    expect(w.changes()).toBe(1);
  });

  it(`follows at most ${MAX_SHADOW_HOSTS} new roots a burst`, async () => {
    const w = watch();
    const added = Array.from({ length: MAX_SHADOW_HOSTS + 5 }, () =>
      component(),
    );
    document.body.append(...added.map((c) => c.el));
    await until(w.changes, (n) => n === 1);
    added.at(-1)!.root.firstElementChild!.append("not followed");
    await settle();
    expect(w.changes()).toBe(1);
    added[0]!.root.firstElementChild!.append("followed");
    await until(w.changes, (n) => n === 2);
  });

  it("ignores PayNudge's own badges coming and going, and stops on abort", async () => {
    const { el, root } = component();
    document.body.append(el);
    const w = watch();
    root.firstElementChild!.append(document.createElement("paynudge-badge"));
    await settle();
    expect(w.changes()).toBe(0);
    w.stop();
    root.firstElementChild!.append("after the end");
    await settle();
    expect(w.changes()).toBe(0);
  });
});

describe("searches on a page without shadow roots", () => {
  it("skip them until the watcher sees one, then find it", async () => {
    document.body.innerHTML = '<p class="row" id="light"></p>';
    const w = watch();
    const rows = () => deepQueryAll(document, ".row").map((el) => el.id);
    const { el, root } = component('<p class="row" id="hidden"></p>');
    // Attached to an element already in the page: no record tells, so it is not searched yet.
    const late = document.createElement("x-late");
    document.body.append(late);
    await until(w.changes, (n) => n === 1);
    late.attachShadow({ mode: "open" }).innerHTML = '<p class="row" id="x">';
    expect(rows()).toEqual(["light"]);
    // A component added with its root is seen, and the page is searched deep from then on.
    document.body.append(el);
    await until(w.changes, (n) => n === 2);
    expect(rows()).toEqual(["light", "x", "hidden"]);
    root.append("新订单");
    await until(w.changes, (n) => n === 3);
  });

  it("a custom element defined later, rendering into its new root, is observed", async () => {
    document.body.innerHTML = "<x-order-app></x-order-app>";
    const w = watch();
    customElements.define(
      "x-order-app",
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: "open" }).innerHTML =
            '<p class="row" id="upgraded"></p>';
        }
      },
    );
    // Nothing in the document's own tree changed: the wait for its definition finds the root.
    await until(w.changes, (n) => n === 1, 3000);
    expect(deepQueryAll(document, ".row").map((el) => el.id)).toEqual([
      "upgraded",
    ]);
    document
      .querySelector("x-order-app")!
      .shadowRoot!.append(document.createElement("div"));
    await until(w.changes, (n) => n === 2);
  });
});
