/*
 * The charts' shared look. Marks use the brand's darker orange and a blue that both stand out on
 * white; axis text is #595959 (7:1 on white, WCAG AA as every text of the extension's pages).
 */

export const CHART = {
  /** The drawing's width in SVG units; it scales to the page's width. */
  width: 720,
  amount: "#c43d00",
  rate: "#0958d9",
  axis: "#8c8c8c",
  text: "#595959",
};

/** Tick labels: small, readable, in the UI's fonts. */
export const AXIS_TEXT = {
  fill: CHART.text,
  fontSize: 11,
  fontFamily: "inherit",
};

/** Colours told apart by most readers, for reasons stacked in one bar (grey: all the others). */
export const REASON_COLOURS = [
  "#c43d00",
  "#0958d9",
  "#389e0d",
  "#d48806",
  "#722ed1",
  "#13a8a8",
];
export const OTHER_COLOUR = "#8c8c8c";

/** At most `count` of `values`, evenly spaced and counted back from the last: an axis's labels. */
export function everyNth<T>(values: readonly T[], count: number): T[] {
  const step = Math.max(1, Math.ceil(values.length / count));
  const last = values.length - 1;
  return values.filter((_, i) => (last - i) % step === 0);
}
