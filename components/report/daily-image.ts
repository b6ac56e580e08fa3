/*
 * The daily report as a PNG, drawn on a canvas of the page's own (no library, nothing fetched):
 * the same lines as the copied text, the title larger, long lines wrapped at the image's width
 * character by character (Chinese has no spaces to break at).
 */

const WIDTH = 640;
const PADDING = 28;
const FONT = `system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
const TITLE = { size: 20, line: 34, colour: "#b83b00", weight: "600" };
const BODY = { size: 15, line: 26, colour: "#262626", weight: "400" };
/** Drawn at twice the size, so the text stays sharp on a high-density screen and in a chat. */
const SCALE = 2;

type Style = typeof BODY;
const fontOf = (s: Style) => `${s.weight} ${s.size}px ${FONT}`;

/** One line cut into pieces no wider than `max` as `measure` says. */
export function wrapLine(
  text: string,
  max: number,
  measure: (text: string) => number,
): string[] {
  const out: string[] = [];
  let line = "";
  for (const char of text) {
    if (line !== "" && measure(line + char) > max) {
      out.push(line);
      line = char.trimStart();
    } else line += char;
  }
  out.push(line);
  return out;
}

/** The lines (the first is the title) drawn as a PNG image. */
export function dailyReportImage(
  lines: readonly string[],
  doc: Document = document,
): Promise<Blob> {
  const canvas = doc.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) return Promise.reject(new Error("no 2D canvas"));
  const max = WIDTH - 2 * PADDING;
  const rows = lines.flatMap((text, i) => {
    const style = i === 0 ? TITLE : BODY;
    ctx.font = fontOf(style);
    return wrapLine(text, max, (s) => ctx.measureText(s).width).map(
      (piece) => ({ piece, style }),
    );
  });
  const height =
    2 * PADDING + rows.reduce((sum, row) => sum + row.style.line, 0);
  canvas.width = WIDTH * SCALE;
  canvas.height = height * SCALE;
  // Resizing the canvas resets its state: the scale and fonts are set after it.
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, WIDTH, height);
  ctx.fillStyle = "#ff5000";
  ctx.fillRect(0, 0, WIDTH, 4);
  ctx.textBaseline = "middle";
  let y = PADDING;
  for (const { piece, style } of rows) {
    ctx.font = fontOf(style);
    ctx.fillStyle = style.colour;
    ctx.fillText(piece, PADDING, y + style.line / 2);
    y += style.line;
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))),
      "image/png",
    ),
  );
}
