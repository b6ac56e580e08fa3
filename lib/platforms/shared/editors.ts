import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * The text fields PayNudge writes into, when the agent has them open. Selectors newest first,
 * each with where it was seen (shared/platforms.md).
 */
const COMMON_EDITORS: Required<NonNullable<PlatformAdapter["editors"]>> = {
  memo: [
    // Douyin 抖店 (seen): React-controlled remark input.
    "#seller_words",
    // Pinduoduo (seen): the remark dialog.
    "textarea.note-textarea",
    // Douyin older variant (seen), and the demo shop's memo dialog.
    'textarea[placeholder*="请输入备注信息"]',
  ],
  chat: [
    // The demo shop's 旺旺 window (ours, 2026); real chat windows live in the platforms' clients.
    '[contenteditable="true"][aria-label="输入消息"]',
  ],
};

export function editorSelectors(
  adapter: PlatformAdapter | undefined,
  kind: "chat" | "memo",
): readonly string[] {
  return [...(adapter?.editors?.[kind] ?? []), ...COMMON_EDITORS[kind]];
}
