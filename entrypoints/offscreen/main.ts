import { browser } from "wxt/browser";
import { copyText } from "@/components/shared/clipboard";
import {
  OFFSCREEN_COPY,
  isOffscreenCopy,
} from "@/lib/messaging/offscreen-copy";

/*
 * The background's clipboard: a service worker has no document to copy from, so the keyboard
 * shortcut's copy (lib/background/shortcuts.ts) happens in this hidden page, created for it.
 */
browser.runtime.onMessage.addListener((message, sender, respond) => {
  if (!isOffscreenCopy(message) || sender.id !== browser.runtime.id)
    return false;
  void copyText(message.text).then((copied) =>
    respond({ type: OFFSCREEN_COPY, copied }),
  );
  return true;
});
