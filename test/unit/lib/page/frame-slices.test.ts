import { afterEach, describe, expect, it, vi } from "vitest";
import { frameSlices } from "@/lib/page/frame-slices";

/*
 * Badges go into their rows a slice per frame (issue 14): a thousand in one frame made that frame
 * a long task of the page's. The first slice goes in the caller's own task, the rest in order over
 * the next frames (three at most); a hidden page, which draws no frames, takes them all at once.
 */

afterEach(() => vi.restoreAllMocks());

describe("frameSlices", () => {
  it("puts a first slice in the caller's task and the rest, in order, over the next frames", async () => {
    const put: number[] = [];
    const slices = frameSlices<number>(document, (key) => put.push(key));
    const frame = vi.spyOn(window, "requestAnimationFrame");
    for (let key = 0; key < 5000; key++) slices.add(key);
    expect(put).toHaveLength(0); // after the caller's loop: one queue
    await Promise.resolve();
    expect(put.length).toBeGreaterThan(0);
    expect(put.length).toBeLessThan(5000);
    await slices.done();
    expect(put).toEqual([...Array(5000).keys()]);
    expect(frame).toHaveBeenCalled();
  });

  it("takes at most three frames, however slow the frames are", async () => {
    // Every frame seems to take a second: the badges still go in within three slices.
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += 1000));
    const frame = vi.spyOn(window, "requestAnimationFrame");
    const put: number[] = [];
    const slices = frameSlices<number>(document, (key) => put.push(key));
    for (let key = 0; key < 1000; key++) slices.add(key);
    await slices.done();
    expect(put).toHaveLength(1000);
    expect(frame.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it("leaves out what was dropped, and takes a key queued twice once", async () => {
    const put: string[] = [];
    const slices = frameSlices<string>(document, (key) => put.push(key));
    for (const key of ["a", "b", "c", "a"]) slices.add(key);
    slices.drop("b");
    await slices.done();
    expect(put).toEqual(["a", "c"]);
  });

  it("puts everything at once in a hidden page", async () => {
    vi.spyOn(document, "hidden", "get").mockReturnValue(true);
    const frame = vi.spyOn(window, "requestAnimationFrame");
    const put: number[] = [];
    const slices = frameSlices<number>(document, (key) => put.push(key));
    for (let key = 0; key < 5000; key++) slices.add(key);
    await Promise.resolve();
    expect(put).toHaveLength(5000);
    await slices.done();
    expect(frame).not.toHaveBeenCalled();
  });
});
