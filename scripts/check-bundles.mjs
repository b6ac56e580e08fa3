#!/usr/bin/env node
// The popup's and the order script's bundles ship without zod (eslint.config.js), and the hidden
// clipboard page without the code the other pages share. ESLint sees each file's own imports; this
// reads what the build actually put in each bundle, so a zod that arrives through a chain of
// imports fails too. Run after `npm run build` (scripts/test.mjs does).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { PRODUCTION_DIR } from "./chrome.mjs";

// zod names its classes at run time (`$ZodError`, `ZodError`), and minifiers keep strings.
const ZOD = /\$?ZodError\b/;

const dir = resolve(process.argv[2] ?? PRODUCTION_DIR);
const read = (file) => readFileSync(join(dir, file), "utf8");

/** A chunk's static and dynamic imports of other chunks, as paths inside the build. */
function importsOf(file, code) {
  const found = [];
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]((?:\.{1,2})?\/[^"'`]+\.js)["'`]/g;
  for (const [, spec] of code.matchAll(pattern)) {
    found.push(
      spec.startsWith("/")
        ? spec.slice(1)
        : relative(dir, resolve(dir, dirname(file), spec)),
    );
  }
  return found;
}

/** Every file a bundle loads, starting from its entry files. */
function reach(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(join(dir, file)))
      throw new Error(`${file} is missing from ${dir}`);
    seen.add(file);
    queue.push(...importsOf(file, read(file)));
  }
  return [...seen];
}

/** The scripts an HTML page loads: <script src>, and the chunks it preloads. */
function pageScripts(html) {
  const refs = [];
  for (const [, src] of read(html).matchAll(
    /<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g,
  ))
    refs.push(src.replace(/^\//, ""));
  return refs;
}

const manifest = JSON.parse(read("manifest.json"));
const popup = manifest.action?.default_popup;
const bundles = [
  { name: "popup", entries: popup ? pageScripts(popup) : [] },
  {
    name: "order script",
    entries: (manifest.content_scripts ?? []).flatMap((s) => s.js ?? []),
  },
];

let ok = true;
// The background validates with zod: if the marker is not found there, the marker is stale (a zod
// that renamed its classes) and the bundles below would pass without being checked.
if (!ZOD.test(read(manifest.background.service_worker))) {
  console.error(
    `zod's marker ${ZOD} is not in the background's bundle, which uses zod: update the marker.`,
  );
  ok = false;
}
for (const { name, entries } of bundles) {
  if (!entries.length) {
    console.error(`${name}: no scripts found in ${dir}/manifest.json`);
    ok = false;
    continue;
  }
  const files = reach(entries);
  const withZod = files.filter((file) => ZOD.test(read(file)));
  if (withZod.length) {
    console.error(`${name} bundle carries zod: ${withZod.join(", ")}`);
    ok = false;
  } else {
    console.log(`${name}: no zod in ${files.join(", ")}`);
  }
}
// The hidden clipboard page stays open all day once the keyboard shortcut has copied: it loads its
// few modules, not the chunk the other pages share (wxt.config.ts, OFFSCREEN_MODULES).
const OFFSCREEN_MAX_BYTES = 8_000;
const offscreen = reach(pageScripts("offscreen.html"));
const offscreenBytes = offscreen.reduce(
  (sum, file) => sum + Buffer.byteLength(read(file)),
  0,
);
if (offscreenBytes > OFFSCREEN_MAX_BYTES) {
  console.error(
    `offscreen page loads ${offscreenBytes} bytes (over ${OFFSCREEN_MAX_BYTES}): ${offscreen.join(", ")}`,
  );
  ok = false;
} else {
  console.log(
    `offscreen page: ${offscreenBytes} bytes in ${offscreen.join(", ")}`,
  );
}
process.exit(ok ? 0 : 1);
