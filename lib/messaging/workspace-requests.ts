/*
 * What the workspace (the side panel) asks of the order script of its tab: the page's chat box and
 * memo field are the page's, so only the script in the page can write there.
 */

/**
 * What inserting a message did. `unsure`: inserted, but the page does not show whose chat is open
 * (the agent is asked to check); `other-buyer`: the open chat is another buyer's, nothing was
 * inserted.
 */
export type ChatInsert =
  | { status: "inserted" | "unsure" | "failed" }
  | { status: "other-buyer"; chatBuyer: string; orderBuyer: string };

/** Which of the page's fields are open now. */
export interface OpenEditors {
  chat: boolean;
  memo: boolean;
}

/** Text for the page's chat box (checked against the order's buyer) or its memo field. */
export interface WorkspaceInsert {
  kind: "chat" | "memo";
  text: string;
  /** The order's buyer as stored: a message goes only into that buyer's chat. */
  buyer?: string;
}

/** The longest text the workspace sends into a page field (a message or a note is far shorter). */
const WORKSPACE_TEXT_MAX = 2000;

/** The script in the page checks what it is sent, as every receiver does. */
export function isWorkspaceInsert(data: unknown): data is WorkspaceInsert {
  if (typeof data !== "object" || data === null) return false;
  const { kind, text, buyer } = data as Record<string, unknown>;
  return (
    (kind === "chat" || kind === "memo") &&
    typeof text === "string" &&
    text.length >= 1 &&
    text.length <= WORKSPACE_TEXT_MAX &&
    (buyer === undefined || (typeof buyer === "string" && buyer.length <= 200))
  );
}
