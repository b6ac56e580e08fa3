import { firstShown } from "@/lib/platforms/shared/shown";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Longer than any nickname: the selector caught more than the name (the matcher says unknown). */
const MAX_TEXT = 200;

const textOf = (el: Element) =>
  (el.textContent ?? "").slice(0, MAX_TEXT).replace(/\s+/g, " ").trim();

/**
 * The buyer of the chat open on the page, as the page shows it (maybe masked), read as text only;
 * undefined when the adapter does not say where it is or no such element is shown with text.
 */
export function openChatBuyer(
  doc: Document,
  adapter: PlatformAdapter | undefined,
): string | undefined {
  const el = firstShown(doc, adapter?.chatBuyer ?? [], (e) => textOf(e) !== "");
  return el && textOf(el);
}
