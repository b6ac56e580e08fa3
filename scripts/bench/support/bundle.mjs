// The extension's own database code, bundled for a benchmark: the real functions (lib/db, the
// settings' checks), not a copy of their queries. Kept out of scripts/bench/ itself, where every
// .mjs file is a benchmark.
import { build } from "esbuild";
import { resolve } from "node:path";

const ROOT = resolve(new URL("../../..", import.meta.url).pathname);

/**
 * Bundles `source` (a module importing from "@/lib/…") into one file. "iife" runs in a page of the
 * extension through the DevTools protocol (extension pages refuse scripts from elsewhere; an
 * evaluation from DevTools is not a script of the page), "esm" is imported in Node.
 * @param {string} source
 * @param {"iife" | "esm"} format
 */
export async function bundle(source, format) {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    write: false,
    format,
    platform: format === "esm" ? "node" : "browser",
    target: "es2022",
    alias: { "@": ROOT },
    // Code behind `import.meta.env.MODE === "test"` stays out, as in a production build.
    define: { "import.meta.env.MODE": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
