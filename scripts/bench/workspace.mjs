// Benchmark: the workspace (the side panel's page, sidepanel.html, opened in a tab: the side panel
// is the same page) with 10 000 stored orders (issue 15).
// - Its first rows in the document within 1.6× an empty page of the extension opened in turn in the
//   same run (its DOMContentLoaded), and its own part (its script's start → rows in the document,
//   the marks in entrypoints/sidepanel/main.tsx and WorkspaceApp) at most 25 ms, medians.
// - An order marked paid elsewhere (another page of the extension sends setOrderStatus, the
//   background writes it as it writes the popup's 已付款) leaves the open workspace's list within
//   100 ms, and the re-render that takes it out fits in one frame (16 ms).
import { rmSync } from "node:fs";
import { launchWithExtension } from "../chrome.mjs";
import {
  EMPTY_PAGE,
  EMPTY_READY,
  FLOOR_FACTOR,
  floorOf,
  median,
  ms,
  openEmpty,
  openPage,
  OWN_PART_MS,
  pageTimes,
  seed,
  withEmptyPage,
} from "./support/extension-pages.mjs";

const RUNS = 11;
const PAID_RUNS = 9;
const LEAVE_GOAL_MS = 100;
const FRAME_MS = 16;
const SIZE = { width: 400, height: 800 };
const START = "paynudge:workspace-start";
const ROWS = "paynudge:workspace-rows";

/**
 * In the open workspace: from now on, watch for the row of `orderId` to leave the queue (a
 * MutationObserver: its callback runs at the end of the task whose commit took the row out), when
 * the news of a write reaches the page (Dexie's BroadcastChannel, which its live queries follow),
 * and how long the main thread is held at a time (a chain of MessageChannel probes: a gap between
 * two is a task that ran between them, measured to a fraction of a millisecond where the Long
 * Tasks API only reports tasks over 50 ms). Times are epoch ms (timeOrigin + now), so they compare
 * with the sender page's.
 */
function watchLeave(orderId) {
  const clock = () => performance.timeOrigin + performance.now();
  const state = { news: NaN, removed: NaN, probes: [clock()], done: false };
  window.__paynudgeLeave = state;
  const channel = new BroadcastChannel("x-storagemutated-1");
  channel.onmessage = () => {
    if (Number.isNaN(state.news)) state.news = clock();
  };
  const row = () =>
    document.querySelector(`.queue .work-row[data-order="${orderId}"]`);
  if (!row()) throw new Error(`order ${orderId} is not in the workspace`);
  const observer = new MutationObserver(() => {
    if (!Number.isNaN(state.removed) || row()) return;
    state.removed = clock();
    observer.disconnect();
    // A few more probes, so the gap around the removal is closed; then stop.
    setTimeout(() => {
      state.done = true;
      channel.close();
    }, 50);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  const ping = new MessageChannel();
  ping.port1.onmessage = () => {
    state.probes.push(clock());
    if (!state.done) ping.port2.postMessage(0);
  };
  ping.port2.postMessage(0);
  // Give up after 5 s: a row that never leaves is reported, not waited for.
  setTimeout(() => (state.done = true), 5_000);
}

/** From another page of the extension: mark the order paid through the background. */
function markPaid(key) {
  const clock = () => performance.timeOrigin + performance.now();
  return new Promise((resolve) => {
    const sentAt = clock();
    chrome.runtime.sendMessage(
      {
        id: 1,
        type: "setOrderStatus",
        data: { key, status: "paid" },
        timestamp: Date.now(),
      },
      (reply) =>
        resolve({
          sentAt,
          answeredAt: clock(),
          error: reply?.err?.message ?? chrome.runtime.lastError?.message,
        }),
    );
  });
}

/** The probes' gaps: the longest, and the one holding the removal (the re-render's task). */
function gaps(probes, removed, from) {
  let longest = 0;
  let around = NaN;
  for (let i = 1; i < probes.length; i++) {
    const gap = probes[i] - probes[i - 1];
    if (probes[i] >= from && probes[i - 1] <= removed)
      longest = Math.max(longest, gap);
    if (probes[i - 1] <= removed && removed <= probes[i]) around = gap;
  }
  return { longest, around };
}

async function firstRender(context, base) {
  const opens = [];
  const empties = [];
  // The extension's pages share one renderer and its JavaScript heap: a closed workspace leaves
  // its queue's garbage, whose collection held the next page's parsing back by 60-100 ms (an empty
  // page's DOMContentLoaded came at 50 ms or at 110-150). Each open starts from a collected heap,
  // asked for through a page of the extension kept open meanwhile.
  const keeper = await openPage(
    context,
    `${base}/${EMPTY_PAGE}`,
    EMPTY_READY,
    SIZE,
  );
  const cdp = await context.newCDPSession(keeper);
  const collect = () => cdp.send("HeapProfiler.collectGarbage");
  // Workspace and empty page take turns, so both see the same machine load.
  for (let i = 0; i < RUNS; i++) {
    await collect();
    const page = await openPage(context, `${base}/sidepanel.html`, ROWS, SIZE);
    const times = await pageTimes(page, [START, ROWS]);
    const shown = await page.$$eval(".queue .work-row", (rows) => rows.length);
    opens.push({ start: times.marks[0], rows: times.marks[1], shown });
    await page.close();
    await collect();
    empties.push(await openEmpty(context, base, SIZE));
  }
  await cdp.detach();
  await keeper.close();
  const floor = floorOf(empties);
  const rows = median(opens.map((o) => o.rows));
  const own = median(opens.map((o) => o.rows - o.start));
  const sorted = opens.map((o) => o.rows).sort((a, b) => a - b);
  console.log(
    `  workspace (median ms after navigation start): script start ${median(opens.map((o) => o.start)).toFixed(1)}, rows in the document ${rows.toFixed(1)} (${opens[0].shown} rows)`,
  );
  return [
    {
      bench:
        "workspace first rows in the document, 10 000 stored orders, against the empty page's DOMContentLoaded",
      value: `${ms(rows)} median (min ${ms(sorted[0])}, max ${ms(sorted.at(-1))}; ${RUNS} cold opens) = ${(rows / floor.dcl).toFixed(2)}× the empty page's ${ms(floor.dcl)}`,
      goal: `≤ ${FLOOR_FACTOR}× the empty page (≤ ${ms(FLOOR_FACTOR * floor.dcl)})`,
      pass: rows <= FLOOR_FACTOR * floor.dcl,
    },
    {
      bench: "workspace's own part: its script starting → rows in the document",
      value: `${ms(own)} median`,
      goal: `≤ ${OWN_PART_MS} ms`,
      pass: own <= OWN_PART_MS,
    },
    {
      bench: "an empty page of the extension, opened in turn (the floor)",
      value: `script ran ${ms(floor.ready)}, DOMContentLoaded ${ms(floor.dcl)}, first paint ${ms(floor.fcp)} (medians)`,
      goal: "none, reported",
      pass: null,
    },
  ];
}

async function paidElsewhere(context, base) {
  const workspace = await openPage(
    context,
    `${base}/sidepanel.html`,
    ROWS,
    SIZE,
  );
  const sender = await openPage(
    context,
    `${base}/${EMPTY_PAGE}`,
    EMPTY_READY,
    SIZE,
  );
  const runs = [];
  try {
    for (let i = 0; i < PAID_RUNS; i++) {
      await workspace.bringToFront();
      // The order longest overdue still listed: the agent's next one.
      const orderId = await workspace.$eval(
        '.queue [data-group="overdue"] .work-row',
        (row) => row.getAttribute("data-order"),
      );
      // Let the page settle (the previous run's re-render, idle work) before the next write.
      await workspace.waitForTimeout(300);
      await workspace.evaluate(watchLeave, orderId);
      const sent = await sender.evaluate(markPaid, `taobao:${orderId}`);
      if (sent.error) throw new Error(`setOrderStatus: ${sent.error}`);
      await workspace.waitForFunction(() => window.__paynudgeLeave.done, null, {
        timeout: 10_000,
      });
      const seen = await workspace.evaluate(() => window.__paynudgeLeave);
      runs.push({
        leave: seen.removed - sent.sentAt,
        answered: sent.answeredAt - sent.sentAt,
        news: seen.news - sent.sentAt,
        query: seen.removed - seen.news,
        ...gaps(seen.probes, seen.removed, sent.sentAt),
      });
    }
  } finally {
    await workspace.close();
    await sender.close();
  }
  const missed = runs.filter((r) => Number.isNaN(r.leave)).length;
  const left = runs.filter((r) => !Number.isNaN(r.leave));
  const med = (key) => median(left.map((r) => r[key]));
  const leave = missed ? Infinity : med("leave");
  const task = missed ? Infinity : med("around");
  console.log(
    `  paid elsewhere (medians ms after the message was sent): background answered ${med("answered").toFixed(1)}, Dexie's news in the workspace ${med("news").toFixed(1)}, row gone ${med("leave").toFixed(1)} (news → row gone ${med("query").toFixed(1)}: the live query read again and the render)`,
  );
  return [
    {
      bench:
        "an order marked paid elsewhere (setOrderStatus from another page) leaves the open workspace",
      value: `${missed ? `${missed}/${PAID_RUNS} never left; ` : ""}${ms(med("leave"))} median (max ${ms(Math.max(...left.map((r) => r.leave)))}; ${PAID_RUNS} orders)`,
      goal: `≤ ${LEAVE_GOAL_MS} ms`,
      pass: leave <= LEAVE_GOAL_MS,
    },
    {
      bench:
        "the re-render taking it out: the main-thread task around the row's removal",
      value: `${ms(med("around"))} median (max ${ms(Math.max(...left.map((r) => r.around)))}); longest task from the write to the row gone ${ms(med("longest"))} median`,
      goal: `≤ ${FRAME_MS} ms (one frame)`,
      pass: task <= FRAME_MS,
    },
  ];
}

export default async function run() {
  const extensionDir = withEmptyPage();
  const browser = await launchWithExtension({ extensionDir });
  try {
    const base = `chrome-extension://${browser.extensionId}`;
    const setup = await openPage(
      browser.context,
      `${base}/sidepanel.html`,
      ROWS,
      SIZE,
    );
    // The database exists (the workspace opened it through Dexie); fill it, then open anew.
    await setup.close();
    const writer = await openPage(
      browser.context,
      `${base}/${EMPTY_PAGE}`,
      EMPTY_READY,
      SIZE,
    );
    await seed(writer, 10_000, Date.now());
    await writer.close();
    return [
      ...(await firstRender(browser.context, base)),
      ...(await paidElsewhere(browser.context, base)),
    ];
  } finally {
    await browser.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
