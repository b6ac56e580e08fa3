import { afterEach, describe, expect, it } from "vitest";
import {
  closestAcross,
  containsAcross,
  deepQueryAll,
  markShadowFree,
  MAX_SHADOW_DEPTH,
  MAX_SHADOW_HOSTS,
  openShadowRoots,
  parentAcross,
  walkTextAcross,
} from "@/lib/platforms/shared/shadow";

/*
 * Searching through open shadow roots: in document order (a shadow tree where its host is), never
 * into closed roots, at most MAX_SHADOW_DEPTH roots deep and MAX_SHADOW_HOSTS hosts per search.
 */

afterEach(() => document.body.replaceChildren());

/** Builds `html` in an open (or closed) shadow root of a new <x-host>, and gives both. */
function host(html: string, mode: ShadowRootMode = "open") {
  const el = document.createElement("x-host");
  const root = el.attachShadow({ mode });
  root.innerHTML = html;
  return { el, root };
}

/** A chain of `levels` hosts, each in the previous one's open root, the last root holding `html`. */
function nested(levels: number, html: string): Element {
  const top = document.createElement("x-level");
  let at: Element = top;
  for (let i = 1; i <= levels; i++) {
    const root = at.attachShadow({ mode: "open" });
    root.innerHTML = i === levels ? html : "<x-level></x-level>";
    if (i < levels) at = root.querySelector("x-level")!;
  }
  return top;
}

const ids = (els: readonly Element[]) => els.map((el) => el.id);

describe("deepQueryAll", () => {
  it("answers querySelectorAll's matches on a page without shadow roots", () => {
    document.body.innerHTML =
      '<div id="a" class="row"><p class="row" id="b"></p></div><span id="c" class="row"></span>';
    expect(ids(deepQueryAll(document, ".row"))).toEqual(["a", "b", "c"]);
  });

  it("finds matches in open shadow roots, each tree where its host is", () => {
    document.body.innerHTML = '<p class="row" id="first"></p>';
    const { el, root } = host(
      '<div class="row" id="in1"></div><div class="row" id="in2"></div>',
    );
    // The host's light child (slotted) comes after its shadow tree.
    el.innerHTML = '<i class="row" id="light-child"></i>';
    document.body.append(el);
    document.body.insertAdjacentHTML("beforeend", '<p class="row" id="last">');
    const inner = host('<b class="row" id="deep"></b>');
    root.querySelector("#in1")!.append(inner.el);
    expect(ids(deepQueryAll(document, ".row"))).toEqual([
      "first",
      "in1",
      "deep",
      "in2",
      "light-child",
      "last",
    ]);
  });

  it("searches a host's own shadow root when the host is the root searched", () => {
    const { el } = host('<span class="s" id="inside"></span>');
    document.body.append(el);
    expect(ids(deepQueryAll(el, ".s"))).toEqual(["inside"]);
  });

  it("never enters a closed root", () => {
    document.body.append(
      host('<div class="row" id="hidden"></div>', "closed").el,
    );
    expect(deepQueryAll(document, ".row")).toEqual([]);
  });

  it(`goes ${MAX_SHADOW_DEPTH} roots deep, no deeper`, () => {
    document.body.append(
      nested(MAX_SHADOW_DEPTH, '<div class="row" id="deepest"></div>'),
    );
    expect(ids(deepQueryAll(document, ".row"))).toEqual(["deepest"]);
    document.body.replaceChildren(
      nested(MAX_SHADOW_DEPTH + 1, '<div class="row" id="too-deep"></div>'),
    );
    expect(deepQueryAll(document, ".row")).toEqual([]);
  });

  it(`enters at most ${MAX_SHADOW_HOSTS} hosts in one search`, () => {
    const hosts = Array.from(
      { length: MAX_SHADOW_HOSTS + 5 },
      (_, i) => host(`<i class="row" id="r${i}"></i>`).el,
    );
    document.body.append(...hosts);
    const found = deepQueryAll(document, ".row");
    expect(found).toHaveLength(MAX_SHADOW_HOSTS);
    expect(found.at(-1)!.id).toBe(`r${MAX_SHADOW_HOSTS - 1}`);
  });
});

describe("openShadowRoots", () => {
  it("lists the open roots, each followed by those nested in it, within the depth asked", () => {
    const outer = host("<x-inner></x-inner>");
    const inner = outer.root
      .querySelector("x-inner")!
      .attachShadow({ mode: "open" });
    const closed = host("", "closed");
    const second = host("");
    document.body.append(outer.el, closed.el, second.el);
    expect(openShadowRoots(document)).toEqual([outer.root, inner, second.root]);
    expect(openShadowRoots(document, 1)).toEqual([outer.root, second.root]);
    expect(openShadowRoots(document, 0)).toEqual([]);
    expect(openShadowRoots(outer.el)).toEqual([outer.root, inner]);
  });
});

describe("walking up and around shadow boundaries", () => {
  it("parentAcross steps from the top of a shadow tree to its host", () => {
    const { el, root } = host("<div><span>1</span></div>");
    document.body.append(el);
    const div = root.querySelector("div")!;
    expect(parentAcross(div.firstElementChild!)).toBe(div);
    expect(parentAcross(div)).toBe(el);
    expect(parentAcross(el)).toBe(document.body);
    expect(parentAcross(document.documentElement)).toBeNull();
  });

  it("containsAcross and closestAcross see a host's shadow tree as inside it", () => {
    document.body.innerHTML = '<a href="#x" id="link"><div id="row"></div></a>';
    const row = document.getElementById("row")!;
    const { el, root } = host("<p><b>3905</b></p>");
    row.append(el);
    const b = root.querySelector("b")!;
    expect(containsAcross(row, b)).toBe(true);
    expect(containsAcross(row, row)).toBe(true);
    expect(containsAcross(b, row)).toBe(false);
    expect(containsAcross(host("<i></i>").root, row)).toBe(false);
    expect(closestAcross(b, "a")!.id).toBe("link");
    expect(closestAcross(b, "p")).toBe(root.querySelector("p"));
    expect(closestAcross(b, "table")).toBeNull();
  });
});

describe("walkTextAcross", () => {
  const texts = (root: Node, skip?: (el: Element) => boolean) => {
    const out: string[] = [];
    walkTextAcross(root, (t) => void out.push(t.data), skip);
    return out;
  };

  it("reads open shadow trees in place, skips closed ones and what `skip` rejects", () => {
    document.body.innerHTML = "<p>before</p>";
    const { el } = host("<span>shadow</span><style>.x{}</style>");
    el.append("slotted");
    document.body.append(el, host("<span>closed</span>", "closed").el, "after");
    expect(texts(document.body)).toEqual([
      "before",
      "shadow",
      ".x{}",
      "slotted",
      "after",
    ]);
    expect(texts(document.body, (e) => e.tagName === "STYLE")).toEqual([
      "before",
      "shadow",
      "slotted",
      "after",
    ]);
    // A skipped host: neither its light children nor its shadow tree.
    expect(texts(document.body, (e) => e === el)).toEqual(["before", "after"]);
  });

  it("starts inside the root's own shadow tree, and stops when told", () => {
    const { el } = host("<b>1</b><b>2</b><b>3</b>");
    const seen: string[] = [];
    walkTextAcross(el, (t) => {
      seen.push(t.data);
      return seen.length < 2;
    });
    expect(seen).toEqual(["1", "2"]);
  });

  it(`reads ${MAX_SHADOW_DEPTH} roots deep, no deeper`, () => {
    expect(texts(nested(MAX_SHADOW_DEPTH, "<i>deepest</i>"))).toEqual([
      "deepest",
    ]);
    expect(texts(nested(MAX_SHADOW_DEPTH + 1, "<i>too deep</i>"))).toEqual([]);
  });
});

describe("markShadowFree", () => {
  afterEach(() => markShadowFree(document, false));

  it("skips shadow roots in a document said to hold none, and finds them again when told", () => {
    const { el } = host('<i class="row" id="inside">shadow</i>');
    document.body.append(el);
    markShadowFree(document, true);
    expect(deepQueryAll(document, ".row")).toEqual([]);
    const texts: string[] = [];
    walkTextAcross(document.body, (t) => void texts.push(t.data));
    expect(texts).toEqual([]);
    // The page watcher looks for new roots all the same.
    expect(openShadowRoots(document)).toHaveLength(1);
    markShadowFree(document, false);
    expect(ids(deepQueryAll(document, ".row"))).toEqual(["inside"]);
  });
});
