/**
 * Copy text on a user's click. The async Clipboard API first; the legacy copy command when the
 * page's permissions policy blocks it (some back-offices run in iframes without clipboard-write).
 */
export async function copyText(
  text: string,
  doc: Document = document,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = doc.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.cssText = "position:fixed;top:-1000px;left:-1000px;opacity:0";
    doc.body.append(area);
    area.select();
    try {
      return doc.execCommand("copy");
    } finally {
      area.remove();
    }
  }
}
