import { afterEach, describe, expect, it, vi } from "vitest";
import { claimFrame, extensionAlive, isContextGone } from "@/lib/page/lifetime";

/*
 * The order script's lifetime in a frame: one copy runs however often it is injected, and it stops
 * only when its extension goes away. Nothing here listens to the page.
 */

afterEach(() => vi.useRealTimers());

describe("claimFrame", () => {
  it("lets one copy run per frame: a second injection backs off while the first is alive", () => {
    const frame = {};
    const first = claimFrame(frame, () => true);
    expect(first).toBeDefined();
    expect(claimFrame(frame, () => true)).toBeUndefined();
    expect(first!.signal.aborted).toBe(false);
    // Once the first has ended, a later injection runs.
    first!.end("test");
    const again = claimFrame(frame, () => true);
    expect(again).toBeDefined();
    again!.end("test");
  });

  it("replaces an orphaned copy (its extension reloaded) and stops it", () => {
    const frame = {};
    let oldAlive = true;
    const old = claimFrame(frame, () => oldAlive)!;
    oldAlive = false;
    const fresh = claimFrame(frame, () => true);
    expect(fresh).toBeDefined();
    expect(old.signal.aborted).toBe(true);
    expect(fresh!.signal.aborted).toBe(false);
    // The orphan's end does not free the frame from under the new copy.
    expect(claimFrame(frame, () => true)).toBeUndefined();
    fresh!.end("test");
  });

  it("stops by itself when the extension goes away, even without sending anything", () => {
    vi.useFakeTimers();
    let alive = true;
    const life = claimFrame({}, () => alive, 1_000)!;
    vi.advanceTimersByTime(5_000);
    expect(life.signal.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(1_000);
    expect(life.signal.aborted).toBe(true);
  });

  it("ends on a message that fails because the extension context is gone, and passes other errors on", () => {
    const life = claimFrame({}, () => true)!;
    const busy = new Error("Could not establish connection.");
    expect(() => life.check(busy)).toThrow(busy);
    expect(life.signal.aborted).toBe(false);
    const gone = new Error("Extension context invalidated.");
    expect(() => life.check(gone)).toThrow(gone);
    expect(life.signal.aborted).toBe(true);
  });
});

describe("extensionAlive / isContextGone", () => {
  it("reads the runtime id, safely", () => {
    expect(extensionAlive(() => ({ id: "abcdefghijklmnop" }))).toBe(true);
    expect(extensionAlive(() => ({}))).toBe(false);
    expect(extensionAlive(() => undefined)).toBe(false);
    expect(
      extensionAlive(() => {
        throw new Error("Extension context invalidated.");
      }),
    ).toBe(false);
  });

  it("knows Chrome's message for an orphaned script", () => {
    expect(isContextGone(new Error("Extension context invalidated."))).toBe(
      true,
    );
    expect(isContextGone("Error: Extension context invalidated.")).toBe(true);
    expect(isContextGone(new Error("No tab with id"))).toBe(false);
    expect(isContextGone(undefined)).toBe(false);
  });
});
