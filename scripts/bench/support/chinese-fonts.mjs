// The order pages the page benchmarks draw (page-speed.mjs, page-badging.mjs) are Chinese, as a
// seller's are. A machine without a Chinese font lays out every Chinese character through the
// browser's font fallback: on the 2-CPU machine here a 1 000-order Taobao list took 1.35–1.45 s
// of layout alone, against 0.43 s with Debian's fonts-noto-cjk installed, and each frame of badges
// two to three times as long. No seller's machine is like that (Windows has Microsoft YaHei,
// macOS PingFang), so the figures say which fonts they were measured with.
import { spawnSync } from "node:child_process";

/** The Chinese font families installed (Linux, fontconfig); undefined where that cannot be told. */
function chineseFamilies() {
  if (process.platform !== "linux") return undefined;
  const listed = spawnSync("fc-list", [":lang=zh", "family"], {
    encoding: "utf8",
  });
  if (listed.status !== 0) return undefined;
  return [
    ...new Set(
      listed.stdout
        .split("\n")
        .map((line) => line.split(",")[0].trim())
        .filter(Boolean),
    ),
  ].sort();
}

/** A reported row (no goal) naming the fonts, and a warning printed when there is none. */
export function chineseFontsRow() {
  const families = chineseFamilies();
  if (families?.length === 0)
    console.warn(
      "  WARNING  no Chinese font is installed: the pages' layout goes through font fallback and takes 2–3× a seller's machine (Debian: apt-get install -y fonts-noto-cjk)",
    );
  return {
    bench: "Chinese fonts the order pages were drawn with",
    value:
      families === undefined
        ? "not known on this system (fontconfig's fc-list is Linux's)"
        : families.length
          ? families.slice(0, 4).join(", ")
          : "none (font fallback for every character: layout figures 2–3× a seller's machine; apt-get install -y fonts-noto-cjk)",
    goal: "none, reported",
    pass: null,
  };
}
