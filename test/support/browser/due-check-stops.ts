import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DUE_CHECK_POINTS,
  type DueCheckPoint,
} from "@/lib/background/due-check-park";
import {
  ALL_HOURS,
  putSettings,
  startExtension,
  startServer,
  until,
  type Extension,
} from "@/test/support/browser/harness";
import {
  ledger,
  moment,
  parkDueCheck,
  parkedAt,
  checkDoneAfter,
  screen,
} from "@/test/support/browser/notices";
import {
  MIN,
  expectConsistent,
  ordersPage,
  sorted,
  visit,
  type Served,
} from "@/test/support/browser/scheduler-pages";

/*
 * The due check stopped at each of its points (lib/background/due-check-park.ts), each test in the
 * same browser: its retry alarm's fresh worker shows each due moment exactly once. Each test waits
 * for real due moments and alarms (about 20 s), so the points are split between two files
 * (scheduler-stops-*.e2e.ts) that run side by side.
 */

export function describeStopsAt(points: readonly DueCheckPoint[]): void {
  describe(`the due check stopped at ${points.join(", ")}`, () => {
    /** The follow-up a few seconds after the first nudge: an order's older notification is on screen. */
    const GAP = 2_500;
    const served = new Map<string, Served[]>();
    let server: Awaited<ReturnType<typeof startServer>>;
    let ext: Extension;
    let profile: string;

    beforeAll(async () => {
      server = await startServer({
        routes: points.map((point) =>
          ordersPage(
            `/paynudge-demo/park-${point}.htm`,
            3905120000000100000n + BigInt(DUE_CHECK_POINTS.indexOf(point) * 10),
            // Three orders whose first nudges fall due together in 3 s (a summary), then their
            // follow-ups together (a summary replacing it); one more 13 s in, then its follow-up.
            (now) =>
              [3_000, 3_000, 3_000, 13_000].map(
                (inMs) => now + inMs - 30 * MIN,
              ),
            served,
          ),
        ),
      });
      ext = await startExtension();
      profile = ext.userDataDir;
      await putSettings(await ext.extPage(), {
        ...ALL_HOURS,
        minGapMs: 0,
        steps: [
          {
            id: "first",
            scenario: "first",
            channel: "chat",
            anchor: "order",
            offsetMs: 30 * MIN,
          },
          {
            id: "follow-up",
            scenario: "follow-up",
            channel: "chat",
            anchor: "order",
            offsetMs: 30 * MIN + GAP,
          },
        ],
      });
    });

    afterAll(async () => {
      await ext?.close();
      await server?.close();
      if (profile) rmSync(profile, { recursive: true, force: true });
    });

    for (const point of points) {
      it(`stopped at "${point}": the retry alarm's fresh worker shows each due moment exactly once`, async () => {
        const path = `/paynudge-demo/park-${point}.htm`;
        await visit(ext, server.origin, path, 4);
        const orders = served.get(path)!;
        const first = (o: Served) => o.createdAt + 30 * MIN;
        const followUp = (o: Served) => first(o) + GAP;
        const mine = (moments: string[]) =>
          moments.filter((m) => orders.some((o) => m.startsWith(`${o.key}@`)));
        const group = orders.slice(0, 3);
        const single = orders[3]!;
        const page = await ext.extPage();

        async function stopAt(
          from: number,
          expected: string[],
          before: string[],
        ) {
          await parkDueCheck(page, point, from);
          // The run before: what the stopped run's notifications replace is on screen.
          await until(
            async () => mine((await screen(ext)).moments),
            (m) => m.join() === sorted(before).join(),
            15_000,
          );
          const runAt = await parkedAt(page, point, from);
          expect(await ext.stopServiceWorkers()).toBe(true);
          // Nothing else runs a check meanwhile: the next one is the retry alarm's.
          await checkDoneAfter(page, runAt + 1);
          const now = await screen(ext);
          expect(mine(now.moments), `after a stop at ${point}`).toEqual(
            sorted(expected),
          );
          await expectConsistent(ext);
        }

        // A summary of three follow-ups, with the summary of their first nudges on screen.
        await stopAt(
          followUp(group[0]!),
          group.map((o) => moment(o.key, followUp(o))),
          group.map((o) => moment(o.key, first(o))),
        );
        expect((await screen(ext)).summaries).toHaveLength(1);
        // One order's follow-up, with its first nudge's notification on screen.
        await stopAt(
          followUp(single),
          [
            moment(single.key, followUp(single)),
            ...group.map((o) => moment(o.key, followUp(o))),
          ],
          [
            moment(single.key, first(single)),
            ...group.map((o) => moment(o.key, followUp(o))),
          ],
        );
        // Every due moment of the page in the ledger, once.
        const alerts = await ledger(ext);
        expect(
          sorted(
            alerts
              .filter((a) => orders.some((o) => o.key === a.orderKey))
              .map((a) => `${a.id}×${a.times}`),
          ),
        ).toEqual(
          sorted(
            orders.flatMap((o) => [
              `${moment(o.key, first(o))}×1`,
              `${moment(o.key, followUp(o))}×1`,
            ]),
          ),
        );
      }, 60_000);
    }
  });
}
