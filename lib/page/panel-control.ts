import type { ComposeContext } from "@/lib/messaging/compose-context";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { memoWarning } from "@/lib/templates/notes";
import { bestMessage } from "@/lib/templates/render";
import {
  editorOn,
  insertInto,
  insertMessage,
  type EditorKind,
} from "@/lib/page/chat-insert";
import type { OrderBadges, Tracked } from "@/lib/page/order-badges";
import type { PanelModel } from "@/lib/page/ui-port";
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
  /** Team mode: takes the order over (接手); answers its view then. */
  takeOver?(key: string): Promise<OrderView>;
  /**
   * Opens the workspace (the browser's side panel) on the order; resolves false where there is
   * none. Sent at once on the badge's click, while it still counts as the agent's gesture.
   */
  openWorkspace?(key: string): Promise<boolean>;
}

/**
 * The nudge panel, one open at a time: what it shows of an order, and what its buttons do on the
 * page (copy, insert into the page's own chat box or memo field, log the nudge).
 */
export function panelControl(opts: PanelControlOptions) {
  const { doc, badges, now } = opts;
  /** The order whose panel is open, with what the background said of it. */
  let open: { key: string; context: ComposeContext } | undefined;

  const editor = (kind: EditorKind) => editorOn(doc, opts.editorsOf(), kind);
  const insert = (kind: EditorKind, text: string) =>
    insertInto(doc, opts.editorsOf(), kind, text);

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
        insertMessage(
          doc,
          opts.editorsOf(),
          entry.snapshot?.buyer ?? context.order.buyer,
          text,
        ),
      onCopyNote: (note, cause) => entry.badge.copy(note, cause),
      onInsertNote: (note) => insert("memo", note),
      ...(context.owner ? { owner: context.owner } : {}),
      ...(opts.takeOver ? { onTakeOver: () => takeOver(key) } : {}),
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

  /** Takes the order over; its badge says whose it is now. */
  async function takeOver(key: string) {
    const view = await opts.takeOver!(key);
    const entry = badges.get(key);
    if (entry) {
      entry.view = view;
      entry.badge.update(view, now());
    }
    return view.owner;
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
    // The workspace shows the order beside the page, covering none of it; the panel in the page is
    // for a browser without one.
    const inWorkspace = entry.badge.panelOpen
      ? undefined
      : opts.openWorkspace?.(key);
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
      // Held back, as the panel holds its buttons: a colleague's fresh note, or (team mode) a
      // colleague's order, whose message the agent must not send by habit.
      if (!props.warning?.insideCooldown && props.owner?.mine !== false) {
        const best = bestMessage(context);
        const ok = await entry.badge.copy(best.text, cause);
        entry.badge.copied(ok, best.missing);
      }
      if ((await inWorkspace) || opts.signal.aborted) return;
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
