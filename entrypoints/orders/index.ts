import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { createPageUi } from "@/components/page/page-ui";
import { runOrdersScript } from "@/lib/page/orders-script";

/*
 * The order script, injected into the platforms' order pages by the manifest (wxt.config.ts lists
 * it under content_scripts) and into granted sites by lib/background/granted-sites.ts.
 *
 * Why an unlisted script rather than a WXT content script: WXT wraps every content script in a
 * ContentScriptContext that announces its start to the page (a CustomEvent on `document`, plus a
 * window.postMessage carrying the extension's id unless `noScriptStartedPostMessage` is set) and
 * invalidates itself when the page dispatches a matching event. The option only removes the
 * postMessage: the CustomEvent would still tell a page that knows the id that PayNudge started,
 * and WXT's context could still be switched off by a forged one. An unlisted script has no such
 * context, so nothing about its start is visible to the page and nothing the page sends can stop
 * it; its lifetime is its own (lib/page/lifetime.ts), ended only when the extension goes away.
 *
 * The page logic draws through the UI it is handed (lib/page/ui-port.ts): components/page's.
 */
export default defineUnlistedScript(() => void runOrdersScript(createPageUi));
