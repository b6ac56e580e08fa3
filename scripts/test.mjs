#!/usr/bin/env node
// `npm test`: lint (ESLint: TypeScript, the rules of hooks, the layer map), knip (unused
// files, exports, dependencies, import circles), typecheck, unit and component tests, then the
// end-to-end suite in real Chromium against fresh builds, whose popup and order script are checked
// to carry no zod. Every stage runs; the last line sums them up as "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const RESULTS = join(ROOT, "test-results");
const bin = (pkg, file) => join(ROOT, "node_modules", pkg, file);
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

function run(title, args) {
  console.log(`\n━━ ${title}`);
  return (
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" })
      .status === 0
  );
}

function counts(file) {
  if (!existsSync(file))
    return { passed: 0, failed: 0, skipped: 0, ran: false };
  const json = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
    ran: true,
  };
}

const vitest = bin("vitest", "vitest.mjs");
const stages = [];
// ESLint's cache re-reads only changed files (about 3 s instead of 18 s of CPU on a warm run). A
// file's findings depend on its text and the config, which the cache keys on, and on where its
// imports resolve, which does not change unless its import lines do (or tsc fails on a dangling
// one). CI starts cold.
stages.push({
  name: "lint",
  ok: run("lint (eslint .)", [
    bin("eslint", "bin/eslint.js"),
    ".",
    "--cache",
    "--cache-strategy",
    "content",
    "--cache-location",
    join(ROOT, "node_modules", ".cache", "eslint/"),
  ]),
});
stages.push({
  name: "knip",
  ok: run("unused files, exports, dependencies, import circles (knip)", [
    bin("knip", "bin/knip.js"),
  ]),
});
stages.push({
  name: "typecheck",
  ok: run("typecheck (tsc --noEmit)", [
    bin("typescript", "bin/tsc"),
    "--noEmit",
  ]),
});
const unitFile = join(RESULTS, "unit.json");
const unitOk = run("unit and component tests", [
  vitest,
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${unitFile}`,
]);
stages.push({ name: "unit", ok: unitOk, ...counts(unitFile) });
// The production build (what a seller loads), then the test build the e2e tests load: production
// plus the demo shop and test-only hooks. The e2e suite checks the production manifest too.
const built =
  run("build (wxt build)", [bin("wxt", "bin/wxt.mjs"), "build"]) &&
  run("test build (wxt build --mode test)", [
    bin("wxt", "bin/wxt.mjs"),
    "build",
    "--mode",
    "test",
  ]);
// What ESLint can't see from one file's imports: zod reaching the popup or the order script
// through a chain of them. Read from the production build.
const bundlesOk =
  built &&
  run(
    "popup and order script without zod, the clipboard page small (scripts/check-bundles.mjs)",
    [join(ROOT, "scripts", "check-bundles.mjs")],
  );
const e2eFile = join(RESULTS, "e2e.json");
const e2eOk =
  built &&
  run("end-to-end tests in Chromium", [
    vitest,
    "run",
    "--config",
    "vitest.e2e.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${e2eFile}`,
  ]);
stages.push({ name: "build", ok: built });
stages.push({ name: "bundles", ok: bundlesOk });
stages.push({ name: "e2e", ok: e2eOk, ...counts(e2eFile) });

console.log("\n━━ summary");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of stages) {
  if (stage.ran === undefined) {
    console.log(`${stage.name}: ${stage.ok ? "ok" : "FAILED"}`);
    if (!stage.ok) failed += 1;
    continue;
  }
  console.log(
    `${stage.name}: ${stage.passed} passed, ${stage.failed} failed, ${stage.skipped} skipped${stage.ok ? "" : " (FAILED)"}`,
  );
  passed += stage.passed;
  failed += stage.failed + (!stage.ok && stage.failed === 0 ? 1 : 0);
  skipped += stage.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(stages.every((s) => s.ok) && passed > 0 ? 0 : 1);
