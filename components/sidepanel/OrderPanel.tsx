import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { NudgePanel } from "@/components/page/NudgePanel";
import { NUDGE_PANEL_CSS } from "@/components/page/nudge-panel.css";
import { openOrder } from "@/components/popup/requests";
import { whenText } from "@/components/popup/row-text";
import { copyText } from "@/components/shared/clipboard";
import { getDb } from "@/lib/db/schema";
import { t, type Locale } from "@/lib/i18n";
import type { ComposeContext } from "@/lib/messaging/compose-context";
import { toBackground, toContent } from "@/lib/messaging/messengers";
import type { OpenEditors } from "@/lib/messaging/workspace-requests";
import { formatAmount, itemSummary } from "@/lib/model/order";
import { formatOrderTime } from "@/lib/model/time-format";
import type { PanelModel } from "@/lib/page/ui-port";
import { memoWarning } from "@/lib/templates/notes";

/*
 * The selected order in the workspace: its facts, and the badge's nudge panel (message, copy or
 * insert, the buyer's answer, the note) beside the order page instead of over it. Inserting writes
 * into the page of the tab beside the panel, through its order script (lib/page/orders-script.ts).
 */

/** How often the panel asks the page beside it whether a chat box or memo field is open. */
const EDITORS_EVERY_MS = 2000;
const NONE_OPEN: OpenEditors = { chat: false, memo: false };

/** The tab the side panel stands beside (its window's active tab). */
async function pageTab(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Which of the page's fields are open, kept fresh while the panel shows an order. */
function useOpenEditors(): OpenEditors {
  const [open, setOpen] = useState<OpenEditors>(NONE_OPEN);
  useEffect(() => {
    let stopped = false;
    const ask = async () => {
      const tabId = await pageTab();
      const answer =
        tabId === undefined
          ? NONE_OPEN
          : await toContent
              .sendMessage("workspaceEditors", undefined, tabId)
              .catch(() => NONE_OPEN);
      if (!stopped)
        setOpen((was) =>
          was.chat === answer.chat && was.memo === answer.memo ? was : answer,
        );
    };
    void ask();
    const timer = setInterval(() => void ask(), EDITORS_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return open;
}

export function OrderPanel({
  orderKey,
  locale,
  now,
  onClose,
}: {
  orderKey: string;
  locale: Locale;
  now: number;
  onClose(): void;
}) {
  const order = useLiveQuery(() => getDb().orders.get(orderKey), [orderKey]);
  const [context, setContext] = useState<ComposeContext | "failed">();
  const editors = useOpenEditors();
  const nudges = order?.nudgeCount;
  // Read again after each nudge logged: the panel moves on to the order's next step.
  useEffect(() => {
    let current = true;
    toBackground.sendMessage("panelFor", { key: orderKey }).then(
      (answer) => current && setContext(answer),
      (error: unknown) => {
        console.error("PayNudge: could not prepare the message", error);
        if (current) setContext("failed");
      },
    );
    return () => {
      current = false;
    };
  }, [orderKey, nudges]);

  if (order === null || (order === undefined && context === "failed"))
    return (
      <section className="order-panel" aria-live="polite">
        <p>{t(locale, "workspace.orderGone")}</p>
      </section>
    );
  if (!order) return null;

  const insert = async (kind: "chat" | "memo", text: string) => {
    const tabId = await pageTab();
    if (tabId === undefined) return { status: "failed" as const };
    return toContent
      .sendMessage(
        "workspaceInsert",
        { kind, text, ...(order.buyer ? { buyer: order.buyer } : {}) },
        tabId,
      )
      .catch(() => ({ status: "failed" as const }));
  };

  let model: PanelModel | undefined;
  if (context && context !== "failed") {
    const warning = memoWarning(order.memo ?? context.order.memo, {
      ...(context.agent ? { self: context.agent } : {}),
      now,
      cooldownMs: context.cooldownMs,
    });
    model = {
      order: context.order,
      templates: context.templates,
      values: context.values,
      locale: context.locale,
      ...(context.agent ? { agent: context.agent } : {}),
      ...(context.step ? { step: context.step } : {}),
      ...(warning ? { warning } : {}),
      canInsertMessage: editors.chat,
      canInsertNote: editors.memo,
      onCopy: (text) => copyText(text),
      onInsert: (text) => insert("chat", text),
      onCopyNote: (note) => copyText(note),
      onInsertNote: async (note) =>
        (await insert("memo", note)).status === "inserted",
      ...(context.owner ? { owner: context.owner } : {}),
      onTakeOver: async () =>
        (await toBackground.sendMessage("takeOver", { key: orderKey })).owner,
      async onLog({ agent, again, ...rest }) {
        const reply = await toBackground.sendMessage("logNudge", {
          key: orderKey,
          ...rest,
          ...(agent ? { agent } : {}),
          ...(again ? { again } : {}),
        });
        return reply.duplicate
          ? { nudgeCount: reply.nudgeCount, duplicateAt: reply.duplicate.at }
          : { nudgeCount: reply.nudgeCount };
      },
      onClose,
    };
  }

  return (
    <section
      className="order-panel"
      aria-labelledby="order-panel-title"
      data-order={order.orderId}
    >
      <header>
        <h2 id="order-panel-title">
          <span className="buyer">
            {order.buyer ?? t(locale, "unknown.buyer")}
          </span>
          <span className="amount">
            {formatAmount(order.amountCents, order.currency) ?? ""}
          </span>
        </h2>
        <p className="item">
          {itemSummary(order.items, locale) ?? t(locale, "unknown.item")}
        </p>
        <p className="facts">
          {t(locale, `platform.${order.platform}`)}
          {order.shopName ? ` · ${order.shopName}` : ""}
          {" · "}
          <span className="order-id">{order.orderId}</span>
          {order.createdAt !== undefined
            ? ` · ${formatOrderTime(order.createdAt)}`
            : ""}
        </p>
        <p className="due">{whenText(order, now, locale)}</p>
        {/* Team mode: the takeover, as this machine recorded it (the memo tells the colleagues). */}
        {order.claimedBy !== undefined && order.claimedAt !== undefined && (
          <p className="claim" data-claim={order.claimedBy}>
            {t(locale, "takeOver.logged", {
              agent: order.claimedBy,
              time: formatOrderTime(order.claimedAt),
            })}
          </p>
        )}
        <div className="order-actions">
          <button type="button" onClick={() => void openOrder(order)}>
            {t(locale, "popup.open")}
          </button>
          <button type="button" onClick={onClose}>
            {t(locale, "workspace.closeOrder")}
          </button>
        </div>
      </header>
      {context === "failed" && (
        <p role="alert">{t(locale, "workspace.panelFailed")}</p>
      )}
      {model && (
        <div className="nudge-panel-host">
          <style>{NUDGE_PANEL_CSS}</style>
          {/* A new step (after a nudge is logged) starts the panel afresh on its best template. */}
          <NudgePanel
            key={`${orderKey}:${context !== "failed" ? context?.step : ""}:${nudges}`}
            {...model}
          />
        </div>
      )}
    </section>
  );
}
