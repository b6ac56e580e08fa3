// Benchmark: the popup's first render with 10 000 stored orders: under 100 ms, and (issue 15)
// within 1.6× an empty page of the extension opened in turn in the same run (its
// DOMContentLoaded), its own part (its script's start → rows in the document) at most 25 ms.
// 9 000 paid/closed history rows, 1 000 unpaid of which some are due today, one order in 30
// nudged today, written straight into the extension's IndexedDB; then the popup is opened cold
// several times, taking turns with the empty page (the floor under any page).
import { rmSync } from "node:fs";
import { launchWithExtension } from "../chrome.mjs";
import {
  FLOOR_FACTOR,
  floorOf,
  median,
  ms,
  elementPainted,
  openEmpty,
  OWN_PART_MS,
  seed,
  withEmptyPage,
} from "./support/extension-pages.mjs";

const GOAL_MS = 100;
const RUNS = 11;
const SIZE = { width: 380, height: 600 };
// Stages the popup marks (entrypoints/popup/main.tsx, components/popup/), reported as medians to show where time goes.
const STAGES = [
  "paynudge:popup-start",
  "paynudge:popup-data-ready",
  "paynudge:popup-list-ready",
  "paynudge:popup-queue-complete",
];
const LIST_READY = STAGES.indexOf("paynudge:popup-list-ready");

async function openCold(context, url, readyMark) {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    readyMark,
    { timeout: 30_000 },
  );
  const marks = await page.evaluate(
    (names) =>
      names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
    STAGES,
  );
  // Whether the first rows came from the read started before the popup's code loaded.
  const early = await page.evaluate(
    () => performance.getEntriesByName("paynudge:popup-read-early").length > 0,
  );
  // When the first row was painted on screen (Element Timing: the attribute on each row's buyer),
  // a frame after the list is in the document.
  const painted = await elementPainted(page);
  const shown = await page.$$eval(
    "[data-paynudge-popup-item]",
    (els) => els.length,
  );
  await page.close();
  return { marks, early, painted, shown };
}

export default async function run() {
  const extensionDir = withEmptyPage();
  const browser = await launchWithExtension({ extensionDir });
  try {
    const base = `chrome-extension://${browser.extensionId}`;
    const url = `${base}/popup.html`;
    const setup = await browser.context.newPage();
    await setup.goto(url);
    await setup.waitForFunction(
      () =>
        performance.getEntriesByName("paynudge:popup-list-ready").length > 0,
    );
    await seed(setup, 10_000, Date.now());
    await setup.close();

    // Popup and empty page take turns, so both see the same machine load.
    const stages = [];
    const empties = [];
    const painted = [];
    let shown = 0;
    let early = 0;
    for (let i = 0; i < RUNS; i++) {
      const popup = await openCold(
        browser.context,
        url,
        "paynudge:popup-queue-complete",
      );
      stages.push(popup.marks);
      painted.push(popup.painted);
      if (popup.early) early++;
      shown = popup.shown;
      empties.push(await openEmpty(browser.context, base, SIZE));
    }
    const floor = floorOf(empties);
    const times = stages.map((m) => m[LIST_READY]).sort((a, b) => a - b);
    const mid = median(times);
    const own = median(stages.map((m) => m[LIST_READY] - m[0]));
    const breakdown = STAGES.map(
      (name, i) =>
        `${name.replace("paynudge:popup-", "")} ${median(stages.map((s) => s[i])).toFixed(0)}`,
    ).join(", ");
    console.log(`  stages (median ms after navigation start): ${breakdown}`);
    return [
      {
        bench:
          "popup first render (rows in the document), 10 000 stored orders",
        value: `${mid.toFixed(1)} ms median (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}; ${RUNS} cold opens; ${shown} items once the whole queue is in; first rows read before the popup's code loaded in ${early}/${RUNS})`,
        goal: `< ${GOAL_MS} ms`,
        pass: mid < GOAL_MS,
      },
      {
        bench:
          "popup first rows in the document, against the empty page's DOMContentLoaded",
        value: `${ms(mid)} = ${(mid / floor.dcl).toFixed(2)}× the empty page's ${ms(floor.dcl)} (medians)`,
        goal: `≤ ${FLOOR_FACTOR}× the empty page (≤ ${ms(FLOOR_FACTOR * floor.dcl)})`,
        pass: mid <= FLOOR_FACTOR * floor.dcl,
      },
      {
        // What the popup's own code adds to any page's cost: from its script's start to the list.
        bench: "popup's own part: its script starting → rows in the document",
        value: `${ms(own)} median`,
        goal: `≤ ${OWN_PART_MS} ms`,
        pass: own <= OWN_PART_MS,
      },
      {
        bench: "popup's first row painted on screen (Element Timing)",
        value: `${ms(median(painted))} median`,
        goal: "none, reported",
        pass: null,
      },
      {
        bench: "an empty page of the extension, same run (the floor)",
        value: `script ran ${ms(floor.ready)}, DOMContentLoaded ${ms(floor.dcl)}, first paint ${ms(floor.fcp)}, its line painted ${ms(floor.painted)} (medians)`,
        goal: "none, reported",
        pass: null,
      },
    ];
  } finally {
    await browser.close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
