#!/usr/bin/env node
// `npm run bench`: builds the extension, then runs every benchmark in scripts/bench/, in real
// Chromium except where the browser is not the point (bounded-db: fake-indexeddb in Node). A benchmark module's default export is an async function returning rows
// { bench, value, goal, pass } (pass null: reported only, no goal). Goals are reported, not enforced: the exit code is non-zero only
// when a benchmark crashes.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const only = process.argv.slice(2);

if (!process.argv.includes("--no-build")) {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wxt/bin/wxt.mjs"), "build", "--mode", "test"],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const files = readdirSync(join(ROOT, "scripts/bench"))
  .filter((f) => f.endsWith(".mjs"))
  .filter(
    (f) =>
      !only.filter((a) => !a.startsWith("--")).length ||
      only.some((a) => f.includes(a)),
  )
  .sort();

const rows = [];
const verdict = (row) =>
  row.pass === null ? "INFO" : row.pass ? "PASS" : "FAIL";
let crashed = false;
for (const file of files) {
  console.log(`\n▸ ${file}`);
  try {
    const mod = await import(
      pathToFileURL(join(ROOT, "scripts/bench", file)).href
    );
    for (const row of await mod.default()) {
      rows.push(row);
      console.log(
        `  ${verdict(row)}  ${row.bench}: ${row.value} (goal ${row.goal})`,
      );
    }
  } catch (error) {
    crashed = true;
    console.error(`  CRASH ${file}:`, error);
  }
}

console.log("\nBenchmarks");
console.table(
  rows.map((r) => ({
    benchmark: r.bench,
    result: r.value,
    goal: r.goal,
    verdict: verdict(r),
  })),
);
process.exit(crashed ? 1 : 0);
