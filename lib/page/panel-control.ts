import type { ComposeContext } from "@/lib/messaging/compose-context";
import { sameBuyer } from "@/lib/model/same-buyer";
import { openChatBuyer } from "@/lib/platforms/shared/chat-buyer";
import { editorSelectors } from "@/lib/platforms/shared/editors";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { memoWarning } from "@/lib/templates/notes";
import { bestMessage } from "@/lib/templates/render";
import { findEditable, insertText } from "@/lib/page/insert-text";
import type { OrderBadges, Tracked } from "@/lib/page/order-badges";
import type { ChatInsert, PanelModel } from "@/lib/page/ui-port";
import type { OrderView } from "@/lib/model/order-view";
import type {
  LogNudgeReply,
  LogNudgeRequest,
} from "@/lib/messaging/order-requests";

/** The order's view in a refusal, as badges keep it. */
function withoutDuplicate({
  duplicate: _refused,
  ...view
}: LogNudgeReply): OrderView {
  return view;
}

export interface PanelControlOptions {
  doc: Document;
  badges: Pick<OrderBadges, "get">;
  signal: AbortSignal;
  now: () => number;
  /** What the nudge panel of one order shows. */
  panelFor(key: string): Promise<ComposeContext>;
  /** The order's view, or why nothing was logged (`duplicate`). */
  logNudge(request: LogNudgeRequest): Promise<LogNudgeReply>;
  /** The adapter of the page's rows: it knows where the page's chat box and memo field are. */
  editorsOf(): PlatformAdapter | undefined;
  /** A nudge was logged and its badge shows the new view. */
  onLogged(): void;
}

/**
 * The nudge panel, one open at a time: what it shows of an order, and what its buttons do on the
 * page (copy, insert into the page's own chat box or memo field, log the nudge).
 */
export function panelControl(opts: PanelControlOptions) {
  const { doc, badges, now } = opts;
  /** The order whose panel is open, with what the background said of it. */
  let open: { key: string; context: ComposeContext } | undefined;

  const editor = (kind: "chat" | "memo") =>
    findEditable(doc, editorSelectors(opts.editorsOf(), kind));
  const insert = (kind: "chat" | "memo", text: string) => {
    const field = editor(kind);
    return field ? insertText(field, text, { mode: "append" }).ok : false;
  };
  /**
   * A message names its buyer, item and amount: it goes into the open chat only when that chat is
   * not visibly another buyer's. The page's nickname is read as text and only ever shown as text.
   */
  const insertMessage = (orderBuyer: string | undefined, text: string) => {
    const chatBuyer = openChatBuyer(doc, opts.editorsOf());
    const match = sameBuyer(orderBuyer, chatBuyer);
    if (match === "different")
      return {
        status: "other-buyer",
        chatBuyer: chatBuyer ?? "",
        orderBuyer: orderBuyer ?? "",
      } satisfies ChatInsert;
    if (!insert("chat", text)) return { status: "failed" } satisfies ChatInsert;
    return {
      status: match === "same" ? "inserted" : "unsure",
    } satisfies ChatInsert;
  };

  function model(
    key: string,
    entry: Tracked,
    context: ComposeContext,
  ): PanelModel {
    const memo = entry.snapshot?.memo ?? context.order.memo;
    const warning = memoWarning(memo, {
      self: context.agent,
      now: now(),
      cooldownMs: context.cooldownMs,
    });
    return {
      order: context.order,
      templates: context.templates,
      values: context.values,
      locale: context.locale,
      ...(context.agent ? { agent: context.agent } : {}),
      ...(context.step ? { step: context.step } : {}),
      ...(warning ? { warning } : {}),
      canInsertMessage: editor("chat") !== undefined,
      canInsertNote: editor("memo") !== undefined,
      onCopy: (text, _templateId, cause) => entry.badge.copy(text, cause),
      // The row as last parsed shows the buyer as the page does now; the stored order as it was.
      onInsert: (text) =>
        insertMessage(entry.snapshot?.buyer ?? context.order.buyer, text),
      onCopyNote: (note, cause) => entry.badge.copy(note, cause),
      onInsertNote: (note) => insert("memo", note),
      async onLog({ agent, again, ...rest }) {
        const reply = await opts.logNudge({
          key,
          ...rest,
          ...(agent ? { agent } : {}),
          ...(again ? { again } : {}),
        });
        const { duplicate } = reply;
        const view = duplicate ? withoutDuplicate(reply) : reply;
        // Refused or not, the reply is the order as it is now (another tab may have logged it).
        const logged = badges.get(key);
        if (logged) {
          logged.view = view;
          logged.badge.update(view, now());
          opts.onLogged();
        }
        if (duplicate)
          return { nudgeCount: view.nudgeCount, duplicateAt: duplicate.at };
        await nextStep(key);
        return { nudgeCount: view.nudgeCount };
      },
      onClose: () => {
        if (open?.key === key) open = undefined;
      },
    };
  }

  /** A nudge was logged: the open panel moves on to the order's next step (its best templates). */
  async function nextStep(key: string): Promise<void> {
    try {
      const context = await opts.panelFor(key);
      if (opts.signal.aborted || open?.key !== key) return;
      open = { key, context };
      refresh();
    } catch (error) {
      // The nudge is logged either way; the panel keeps the step it showed.
      console.error("PayNudge: could not read the order's next step", error);
    }
  }

  /**
   * The badge's click: copies the best-fitting message at once (unless a colleague's fresh note
   * says to hold back) and opens the panel with every template that fits, the outcome and the note.
   * A second click closes it.
   */
  async function activate(key: string, cause: MouseEvent): Promise<void> {
    const entry = badges.get(key);
    if (!entry) return;
    if (entry.badge.panelOpen) {
      entry.badge.closePanel();
      open = undefined;
      return;
    }
    try {
      const context = await opts.panelFor(key);
      if (opts.signal.aborted) return;
      if (open && open.key !== key) badges.get(open.key)?.badge.closePanel();
      open = { key, context };
      const props = model(key, entry, context);
      if (!props.warning?.insideCooldown) {
        const best = bestMessage(context);
        const ok = await entry.badge.copy(best.text, cause);
        entry.badge.copied(ok, best.missing);
      }
      entry.badge.openPanel(props);
    } catch (error) {
      console.error("PayNudge: could not prepare the message", error);
      entry.badge.copied(false);
    }
  }

  /** The page changed under an open panel (a chat box or memo dialog opened): tell the panel. */
  function refresh(): void {
    if (!open) return;
    const entry = badges.get(open.key);
    if (entry?.badge.panelOpen)
      entry.badge.openPanel(model(open.key, entry, open.context));
    else open = undefined;
  }

  return { activate, refresh };
}
