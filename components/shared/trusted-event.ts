/**
 * The seller's page shares the DOM with PayNudge's UI: its scripts can call `click()` or
 * `dispatchEvent()` on anything they can reach, and a handler cannot tell such an event from the
 * agent's own by its type or fields. Only the browser sets `isTrusted`, on events made from real
 * input (a page cannot forge it, in any world). So every handler that acts for the agent (opens the
 * panel, copies, inserts, logs a nudge, picks an outcome) runs only for trusted events, through
 * `trusted()`, rather than each handler checking by hand.
 */

/** A DOM event, or a React synthetic event (which carries the DOM event as `nativeEvent`). */
export type AnyEvent = Event | { nativeEvent: Event };

/** True only for an event the browser made from the user's own input. */
export function isTrusted(event: AnyEvent | null | undefined): boolean {
  if (!event || typeof event !== "object") return false;
  const native = "nativeEvent" in event ? event.nativeEvent : event;
  return (
    typeof native === "object" && native !== null && native.isTrusted === true
  );
}

/** `handler` run for trusted events only; any other event is dropped without a trace. */
export function trusted<E extends AnyEvent>(
  handler: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (isTrusted(event)) handler(event);
  };
}

/** The DOM event behind a DOM or React event, for a caller that needs proof of a trusted click. */
export function nativeEvent(event: AnyEvent): Event {
  return "nativeEvent" in event ? event.nativeEvent : event;
}
