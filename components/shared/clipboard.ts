import { isTrusted } from "@/components/shared/trusted-event";

/**
 * Copy text on a user's click. The async Clipboard API first; the legacy copy command when the
 * page's permissions policy blocks it (some back-offices run in iframes without clipboard-write).
 * `within` is where the legacy path's scratch field goes: on a seller's page, PayNudge's own closed
 * shadow root, so the page never sees the message in a field of its own DOM.
 */
export async function copyText(
  text: string,
  doc: Document = document,
  within: ParentNode = doc.body,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.cssText = "position:fixed;top:-1000px;left:-1000px;opacity:0";
    within.append(area);
    area.select();
    try {
      return doc.execCommand("copy");
    } finally {
      area.remove();
    }
  }
}

/**
 * Copy on a seller's page, and only when `cause` is the agent's own click: a page script that
 * fakes a click on PayNudge's UI must never overwrite the agent's clipboard.
 */
export async function copyOnTrustedClick(
  text: string,
  cause: Event,
  within?: ParentNode,
): Promise<boolean> {
  if (!isTrusted(cause)) return false;
  return copyText(text, document, within);
}
