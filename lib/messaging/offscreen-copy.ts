/* The background asks its offscreen page to put a message on the clipboard (entrypoints/offscreen). */

export const OFFSCREEN_COPY = "paynudge-offscreen-copy";

export interface OffscreenCopy {
  type: typeof OFFSCREEN_COPY;
  text: string;
}

export function isOffscreenCopy(message: unknown): message is OffscreenCopy {
  const m = message as Partial<OffscreenCopy> | null;
  return (
    typeof m === "object" &&
    m !== null &&
    m.type === OFFSCREEN_COPY &&
    typeof m.text === "string"
  );
}
