import { describe, expect, it } from "vitest";
import { demoOrders, NOTE_AFTER_MINUTES } from "@/demo/orders.mjs";
import { DEMO_PAGE, demoShopRoute } from "@/demo/server.mjs";

const START = new Date(2026, 10, 23, 9, 30).getTime();

/** The "MM-dd HH:mm" a memo starts with, as a moment in START's year. */
function memoMoment(memo: string): number {
  const [, month, day, hours, minutes] =
    /^(\d\d)-(\d\d) (\d\d):(\d\d) /.exec(memo) ?? [];
  expect(month).toBeDefined();
  return new Date(
    2026,
    Number(month) - 1,
    Number(day),
    Number(hours),
    Number(minutes),
  ).getTime();
}

describe("demo shop", () => {
  it("shows the same order times on every reload for the life of the server", () => {
    let clock = START;
    const route = demoShopRoute(() => clock);
    const page = () => route(new URL(`http://localhost${DEMO_PAGE}`))?.body;
    const first = page();
    clock += 7 * 60_000;
    expect(page()).toBe(first);
    expect(first).toContain(demoOrders(START)[0]!.id);
  });

  it("dates every memo after its order and before now", () => {
    for (const now of [START, new Date(2026, 0, 1, 0, 5).getTime()]) {
      const withMemo = demoOrders(now).filter((o) => o.memo);
      expect(withMemo.length).toBeGreaterThan(0);
      for (const order of withMemo) {
        let at = memoMoment(order.memo!);
        // A memo in December of an order placed the year before (the page shows no year).
        if (at > now) at = new Date(at).setFullYear(2025);
        expect(at).toBe(
          order.createdAt -
            (order.createdAt % 60_000) +
            NOTE_AFTER_MINUTES * 60_000,
        );
        expect(at).toBeGreaterThan(order.createdAt);
        expect(at).toBeLessThanOrEqual(now);
      }
    }
  });
});
