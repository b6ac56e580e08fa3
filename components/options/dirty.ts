import { useEffect } from "react";

/**
 * Tells the page whether a form holds edits not saved yet (for its "unsaved" marks and the guard
 * against leaving); a form that goes away (saved and re-read, or an import replaced it) holds none.
 * `onDirty` must keep its identity between renders.
 */
export function useDirtyReport(
  dirty: boolean,
  onDirty: ((dirty: boolean) => void) | undefined,
): void {
  useEffect(() => {
    onDirty?.(dirty);
  }, [dirty, onDirty]);
  useEffect(() => () => onDirty?.(false), [onDirty]);
}

/**
 * Asks the browser to confirm leaving (reload, close, another address) while `active`: Chromium
 * shows its own "leave site?" prompt once the seller has interacted with the page.
 */
export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const guard = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", guard);
    return () => window.removeEventListener("beforeunload", guard);
  }, [active]);
}

/**
 * After a save the form's checks refused: its first invalid field is scrolled into view and
 * focused, so the seller sees the red mark and its error beside it.
 */
export function focusFirstInvalid(form: HTMLElement | null): void {
  const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!field) return;
  field.scrollIntoView?.({ block: "center" });
  field.focus();
}
