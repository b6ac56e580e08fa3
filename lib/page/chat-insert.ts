import { sameBuyer } from "@/lib/model/same-buyer";
import { openChatBuyer } from "@/lib/platforms/shared/chat-buyer";
import { editorSelectors } from "@/lib/platforms/shared/editors";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { findEditable, insertText } from "@/lib/page/insert-text";
import type { ChatInsert } from "@/lib/messaging/workspace-requests";

/*
 * Writing into the page's own chat box and memo field, for the badge's panel and for the workspace
 * (the side panel asks the order script of its tab): one way to find them, one check of whose chat
 * is open.
 */

export type EditorKind = "chat" | "memo";

/** The page's open chat box or memo field, if any. */
export function editorOn(
  doc: Document,
  adapter: PlatformAdapter | undefined,
  kind: EditorKind,
): Element | undefined {
  return findEditable(doc, editorSelectors(adapter, kind));
}

/** Appends `text` to the open field; false when none is open or writing failed. */
export function insertInto(
  doc: Document,
  adapter: PlatformAdapter | undefined,
  kind: EditorKind,
  text: string,
): boolean {
  const field = editorOn(doc, adapter, kind);
  return field ? insertText(field, text, { mode: "append" }).ok : false;
}

/**
 * A message names its buyer, item and amount: it goes into the open chat only when that chat is
 * not visibly another buyer's. The page's nickname is read as text and only ever shown as text.
 */
export function insertMessage(
  doc: Document,
  adapter: PlatformAdapter | undefined,
  orderBuyer: string | undefined,
  text: string,
): ChatInsert {
  const chatBuyer = openChatBuyer(doc, adapter);
  const match = sameBuyer(orderBuyer, chatBuyer);
  if (match === "different")
    return {
      status: "other-buyer",
      chatBuyer: chatBuyer ?? "",
      orderBuyer: orderBuyer ?? "",
    };
  if (!insertInto(doc, adapter, "chat", text)) return { status: "failed" };
  return { status: match === "same" ? "inserted" : "unsure" };
}
