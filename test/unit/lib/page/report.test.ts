import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import type { OrderView } from "@/lib/model/order-view";
import { reportInChunks, viewsInChunks } from "@/lib/page/report";

/*
 * A big page goes to the background in messages of 1 000 orders (or keys), half what one
 * message may carry; the badges take the answers together, at most once a second.
 */

const snapshots = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ platform: "taobao", orderId: String(i) }) as OrderSnapshot,
  );
const viewOf = (o: OrderSnapshot): OrderView => ({
  key: `${o.platform}:${o.orderId}`,
  orderId: o.orderId,
  status: "unpaid",
  nudgeCount: 0,
});

afterEach(() => vi.restoreAllMocks());

describe("reportInChunks", () => {
  it("sends 1 000 orders at a time and shows every answer, together when they come back fast", async () => {
    const send = vi.fn(async (orders: OrderSnapshot[]) => orders.map(viewOf));
    const show = vi.fn();
    const done = await reportInChunks(
      snapshots(2234),
      send,
      show,
      new AbortController().signal,
    );
    expect(done).toBe(true);
    expect(send.mock.calls.map(([orders]) => orders.length)).toEqual([
      1000, 1000, 234,
    ]);
    expect(show).toHaveBeenCalledOnce();
    expect(show.mock.calls[0]![0]).toHaveLength(2234);
  });

  it("shows what came back at most once a second while a slow page's chunks go out", async () => {
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => clock);
    const send = vi.fn(async (orders: OrderSnapshot[]) => {
      clock += 600; // each chunk takes 0.6 s to store
      return orders.map(viewOf);
    });
    const show = vi.fn();
    await reportInChunks(
      snapshots(5000),
      send,
      show,
      new AbortController().signal,
    );
    expect(send).toHaveBeenCalledTimes(5);
    // 1.2 s, 2.4 s, then the rest at the end: no view shown twice, none left out.
    expect(show.mock.calls.map(([views]) => views.length)).toEqual([
      2000, 2000, 1000,
    ]);
  });

  it("stops sending and showing once the script is stopped", async () => {
    const controller = new AbortController();
    const send = vi.fn(async (orders: OrderSnapshot[]) => {
      controller.abort();
      return orders.map(viewOf);
    });
    const show = vi.fn();
    const done = await reportInChunks(
      snapshots(1200),
      send,
      show,
      controller.signal,
    );
    expect(done).toBe(false);
    expect(send).toHaveBeenCalledOnce();
    expect(show).not.toHaveBeenCalled();
  });
});

describe("viewsInChunks", () => {
  it("asks 1 000 keys at a time and answers every view", async () => {
    const keys = Array.from({ length: 2001 }, (_, i) => `taobao:${i}`);
    const ask = vi.fn(async (some: string[]) =>
      some.map((key) =>
        viewOf({ platform: "taobao", orderId: key.slice(7) } as OrderSnapshot),
      ),
    );
    const views = await viewsInChunks(keys, ask, new AbortController().signal);
    expect(ask.mock.calls.map(([some]) => some.length)).toEqual([
      1000, 1000, 1,
    ]);
    expect(views?.map((v) => v.key)).toEqual(keys);
  });

  it("answers nothing once the script is stopped", async () => {
    const controller = new AbortController();
    const ask = vi.fn(async () => {
      controller.abort();
      return [];
    });
    expect(
      await viewsInChunks(["taobao:1", "taobao:2"], ask, controller.signal),
    ).toBeUndefined();
  });
});
