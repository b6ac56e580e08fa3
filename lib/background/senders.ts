import { browser } from "wxt/browser";
import type { PayNudgeDB } from "@/lib/db/schema";

/*
 * Who may ask the background for what. A content script runs inside a seller's page, which PayNudge
 * does not control: if that renderer is ever compromised, the script's messages are the attacker's.
 * So every request names the senders it accepts, and a content script may only send what a page
 * needs, for orders of its own site. Settings and data change only from the extension's own pages.
 */

export type MessageSender = chrome.runtime.MessageSender;

/** An extension page (popup, options, side panel), or the order content script in a web page. */
type SenderKind = "page" | "content";

export interface KnownSender {
  kind: SenderKind;
  /** The origin of the page the content script runs in (for "page": the extension's own). */
  origin: string;
  /** The tab a content script runs in (its side panel is that tab's). */
  tabId?: number;
}

/** A request refused for its sender; the message says what, never buyer data. */
export class RefusedError extends Error {
  override name = "RefusedError";
}

/** Scheme, host and port; also for chrome-extension: URLs, whose URL.origin is "null" off Chrome. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Classifies a sender from what the browser itself stamps on the message (id, url, tab), never
 * from the message's content. Anything else (another extension, a frame of ours inside a web page)
 * is unknown and refused.
 */
export function classifySender(
  sender: MessageSender,
  extensionId = browser.runtime.id,
): KnownSender | undefined {
  if (sender.id !== extensionId) return undefined;
  const origin = originOf(sender.url);
  if (!origin) return undefined;
  const own = `chrome-extension://${extensionId}`;
  if (origin === own) {
    // Our page embedded in a web page's frame would carry that web page's tab: not one of ours.
    const tabOrigin = originOf(sender.tab?.url);
    if (tabOrigin !== undefined && tabOrigin !== own) return undefined;
    return { kind: "page", origin };
  }
  if (sender.tab?.id === undefined) return undefined;
  if (!/^https?:\/\//.test(origin)) return undefined;
  return { kind: "content", origin, tabId: sender.tab.id };
}

export interface Policy<D> {
  /** The senders allowed to make this request. */
  from: readonly SenderKind[];
  /**
   * A further check for a content script's request (its page's own orders only): a reason to
   * refuse, or undefined to go on. Extension pages are not subject to it.
   */
  contentCheck?: (
    data: D,
    sender: KnownSender,
  ) => Promise<string | undefined> | string | undefined;
}

/**
 * The sender, known and allowed by a policy without a content check; else the RefusedError to
 * answer (logged). Synchronous: for a request answered before anything is awaited (a side panel
 * opens only while the agent's click still counts as a gesture).
 */
export function allowedNow(
  type: string,
  policy: Pick<Policy<unknown>, "from">,
  sender: MessageSender,
): KnownSender | RefusedError {
  const known = classifySender(sender);
  const reason = !known
    ? "unknown sender"
    : !policy.from.includes(known.kind)
      ? `not allowed from ${known.kind === "content" ? "a web page" : "an extension page"}`
      : undefined;
  if (reason === undefined) return known!;
  console.warn(
    `PayNudge refused "${type}" from ${originOf(sender.url) ?? "?"}: ${reason}`,
  );
  return new RefusedError(`PayNudge refused "${type}": ${reason}`);
}

/**
 * Wraps a handler with its sender policy: a sender outside the policy gets a RefusedError (and the
 * refusal is logged) before the handler or any database access runs.
 */
export function guarded<D, R>(
  type: string,
  policy: Policy<D>,
  handle: (data: D, sender: KnownSender) => Promise<R> | R,
): (message: { data: D; sender: MessageSender }) => Promise<R> {
  return async ({ data, sender }) => {
    const known = classifySender(sender);
    const reason = !known
      ? "unknown sender"
      : !policy.from.includes(known.kind)
        ? `not allowed from ${known.kind === "content" ? "a web page" : "an extension page"}`
        : known.kind === "content"
          ? await policy.contentCheck?.(data, known)
          : undefined;
    if (reason !== undefined) {
      console.warn(
        `PayNudge refused "${type}" from ${originOf(sender.url) ?? "?"}: ${reason}`,
      );
      throw new RefusedError(`PayNudge refused "${type}": ${reason}`);
    }
    return handle(data, known!);
  };
}

function keyOf(data: unknown): string | undefined {
  const key = (data as { key?: unknown } | null | undefined)?.key;
  return typeof key === "string" ? key : undefined;
}

/** A content script acts only on an order PayNudge saw on the content script's own site. */
export function orderOfSenderSite(db: PayNudgeDB) {
  return async (
    data: unknown,
    sender: KnownSender,
  ): Promise<string | undefined> => {
    const key = keyOf(data);
    if (key === undefined) return "no order named";
    const order = await db.orders.get(key);
    if (!order) return "an order this page has not shown";
    return originOf(order.pageUrl) === sender.origin
      ? undefined
      : "an order of another site";
  };
}

/** A batch of orders is reported by a content script of the page it was read from. */
export function batchOfSenderSite(
  data: unknown,
  sender: KnownSender,
): string | undefined {
  const pageUrl = (data as { pageUrl?: unknown } | null | undefined)?.pageUrl;
  return typeof pageUrl === "string" && originOf(pageUrl) === sender.origin
    ? undefined
    : "orders of another site";
}
