import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Longer than any nickname: the selector caught more than the name (the matcher says unknown). */
const MAX_TEXT = 200;

function shown(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden], [aria-hidden="true"]'))
    return false;
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  return style?.display !== "none" && style?.visibility !== "hidden";
}

/**
 * The buyer of the chat open on the page, as the page shows it (maybe masked), read as text only;
 * undefined when the adapter does not say where it is or no such element is shown with text.
 * Bad selectors are skipped rather than thrown.
 */
export function openChatBuyer(
  doc: Document,
  adapter: PlatformAdapter | undefined,
): string | undefined {
  for (const selector of adapter?.chatBuyer ?? []) {
    let found: NodeListOf<Element>;
    try {
      found = doc.querySelectorAll(selector);
    } catch {
      continue;
    }
    for (const el of found) {
      if (!shown(el)) continue;
      const text = (el.textContent ?? "")
        .slice(0, MAX_TEXT)
        .replace(/\s+/g, " ")
        .trim();
      if (text) return text;
    }
  }
  return undefined;
}
