import { firstShown } from "@/lib/platforms/shared/shown";

/**
 * Putting a message or an order note into the page's own chat box or memo field without breaking
 * the page's editor. Pages are React apps (Douyin's `#seller_words`, PDD's `textarea.note-textarea`)
 * or rich chat editors: a plain `el.value = …` is undone by React on the next render, and
 * Assigning markup (an HTML string) would both break editors and open the page to markup in buyer data. So:
 *
 * 1. `execCommand('insertText')` first, where the browser supports it: it goes through the
 *    browser's own editing, fires real `beforeinput`/`input` events and keeps undo working.
 * 2. Otherwise inputs and textareas get the prototype's native value setter followed by bubbling
 *    `input` and `change` events (React's value tracker sees the change and calls onChange), and
 *    contenteditable gets text nodes through a Range.
 *
 * Appending is idempotent: when the field already contains the text, nothing is added. An agent
 * who clicks "insert note" twice, or a memo that already holds this note, never gets it twice.
 */

export type EditableKind = "input" | "textarea" | "contenteditable";
type InsertMode = "replace" | "append";

export interface InsertOptions {
  mode: InsertMode;
  /** Put between the existing text and the appended text; default a newline (a space in inputs). */
  separator?: string;
}

export interface InsertResult {
  ok: boolean;
  /** How the text went in; 'none' when it was already there or the target is not editable. */
  method: "execCommand" | "setter" | "range" | "none";
  /** Append mode found the text already present and left the field alone. */
  alreadyPresent?: boolean;
}

const TEXT_INPUT_TYPES = new Set(["", "text", "search", "email", "url", "tel"]);

function isContentEditable(el: Element): boolean {
  const host = el.closest("[contenteditable]");
  if (!host) return false;
  const value = (host.getAttribute("contenteditable") ?? "").toLowerCase();
  return value === "" || value === "true" || value === "plaintext-only";
}

/** What kind of editable field `el` is, or undefined when text cannot be typed into it. */
export function editableKind(
  el: Element | null | undefined,
): EditableKind | undefined {
  if (!el) return undefined;
  const view = el.ownerDocument.defaultView;
  if (view && el instanceof view.HTMLTextAreaElement)
    return el.disabled || el.readOnly ? undefined : "textarea";
  if (view && el instanceof view.HTMLInputElement) {
    if (
      el.disabled ||
      el.readOnly ||
      !TEXT_INPUT_TYPES.has(el.type.toLowerCase())
    )
      return undefined;
    return "input";
  }
  return isContentEditable(el) ? "contenteditable" : undefined;
}

/**
 * The first editable, visible field that matches one of `selectors`, tried in order (the most
 * specific, newest page variant first). Bad selectors are skipped rather than thrown.
 */
export function findEditable(
  root: ParentNode,
  selectors: readonly string[],
): HTMLElement | undefined {
  return firstShown(root, selectors, (el) => editableKind(el) !== undefined) as
    HTMLElement | undefined;
}

function currentText(el: Element, kind: EditableKind): string {
  return kind === "contenteditable"
    ? (el.textContent ?? "")
    : (el as HTMLInputElement | HTMLTextAreaElement).value;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function execInsert(doc: Document, text: string): boolean {
  const exec = (doc as Partial<Pick<Document, "execCommand">>).execCommand;
  if (typeof exec !== "function") return false;
  try {
    return exec.call(doc, "insertText", false, text);
  } catch {
    return false;
  }
}

/**
 * execCommand types into whatever has focus. When the page refuses focus (a hidden field, a focus
 * trap), it must not run, or the text lands in some other box.
 */
function hasFocus(el: Element): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return (
    !!active && (active === el || active.contains(el) || el.contains(active))
  );
}

function nativeValueSetter(
  el: HTMLInputElement | HTMLTextAreaElement,
): ((v: string) => void) | undefined {
  // The prototype's setter, not the instance's: React overrides `value` on the instance to track it.
  let proto: object | null = Object.getPrototypeOf(el);
  while (proto) {
    const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
    if (setter) return setter;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

function fireInput(el: Element, text: string) {
  const view = el.ownerDocument.defaultView;
  const InputEventCtor = view?.InputEvent;
  const event = InputEventCtor
    ? new InputEventCtor("input", {
        bubbles: true,
        inputType: "insertText",
        data: text,
      })
    : new Event("input", { bubbles: true });
  el.dispatchEvent(event);
}

function insertIntoField(
  el: HTMLInputElement | HTMLTextAreaElement,
  piece: string,
  expected: string,
  mode: InsertMode,
): InsertResult {
  el.focus();
  const before = el.value;
  try {
    if (mode === "replace") el.setSelectionRange(0, before.length);
    else el.setSelectionRange(before.length, before.length);
  } catch {
    // Some input types do not expose a selection; the setter path below still works.
  }
  if (
    hasFocus(el) &&
    execInsert(el.ownerDocument, mode === "replace" ? expected : piece) &&
    el.value === expected
  ) {
    return { ok: true, method: "execCommand" };
  }
  // execCommand did nothing or something unexpected: set the whole expected value, which
  // overwrites any partial insertion instead of adding to it.
  const setter = nativeValueSetter(el);
  if (!setter) return { ok: false, method: "none" };
  setter.call(el, expected);
  fireInput(el, piece);
  el.dispatchEvent(new Event("change", { bubbles: true }));
  return { ok: el.value === expected, method: "setter" };
}

function insertIntoEditable(
  el: HTMLElement,
  piece: string,
  mode: InsertMode,
): InsertResult {
  const doc = el.ownerDocument;
  el.focus();
  const selection = doc.getSelection();
  const range = doc.createRange();
  range.selectNodeContents(el);
  if (mode === "append") range.collapse(false);
  selection?.removeAllRanges();
  selection?.addRange(range);
  // A rich editor may handle beforeinput itself and render later; a second, manual insertion
  // after a successful command would then duplicate the text. So trust the command.
  if (hasFocus(el) && execInsert(doc, piece))
    return { ok: true, method: "execCommand" };

  range.deleteContents();
  const fragment = doc.createDocumentFragment();
  piece.split("\n").forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement("br"));
    if (line) fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  range.insertNode(fragment);
  if (last) {
    range.setStartAfter(last);
    range.collapse(true);
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  fireInput(el, piece);
  return { ok: true, method: "range" };
}

/**
 * Put `text` into a chat box or memo field: replace its content, or append after what is there.
 * Returns what happened; never throws for an unsuitable target.
 */
export function insertText(
  target: Element,
  text: string,
  options: InsertOptions,
): InsertResult {
  const kind = editableKind(target);
  if (!kind || !text) return { ok: false, method: "none" };
  // A single-line input drops newlines on its own; say it with spaces instead.
  if (kind === "input") text = text.replace(/[\r\n]+/g, " ");
  const before = currentText(target, kind);
  if (options.mode === "append" && squash(before).includes(squash(text))) {
    return { ok: true, method: "none", alreadyPresent: true };
  }
  const separator = options.separator ?? (kind === "input" ? " " : "\n");
  const needsSeparator =
    options.mode === "append" && before !== "" && !/\s$/.test(before);
  const piece = (needsSeparator ? separator : "") + text;
  if (kind === "contenteditable")
    return insertIntoEditable(target as HTMLElement, piece, options.mode);
  const field = target as HTMLInputElement | HTMLTextAreaElement;
  const expected = options.mode === "replace" ? text : before + piece;
  return insertIntoField(field, piece, expected, options.mode);
}
