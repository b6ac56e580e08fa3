import { act, createEvent } from "@testing-library/react";

/*
 * jsdom marks every event a test dispatches untrusted, as a browser marks a page script's. The
 * badge and the panel act only on trusted events, so tests that play the agent need events the
 * "browser" made. jsdom makes those itself by dispatching through the target's internal
 * `_dispatch` (dispatchEvent() resets the flag, as the DOM standard says): this does the same.
 * Plain `fireEvent` stays what a hostile page script would do.
 */

function impl<T>(wrapper: object): T {
  const symbol = Object.getOwnPropertySymbols(wrapper).find(
    (s) => s.description === "impl",
  );
  if (!symbol) throw new Error("not a jsdom object");
  return (wrapper as Record<symbol, T>)[symbol]!;
}

/** Dispatches `event` at `target` as the browser would dispatch the agent's input. */
export function dispatchTrusted(target: EventTarget, event: Event): boolean {
  const eventImpl = impl<{ isTrusted: boolean }>(event);
  eventImpl.isTrusted = true;
  let result = false;
  act(() => {
    result = impl<{ _dispatch(e: unknown): boolean }>(target)._dispatch(
      eventImpl,
    );
  });
  if (!event.isTrusted) throw new Error("jsdom dropped the trusted flag");
  return result;
}

type Init = Parameters<typeof createEvent.click>[1];

const fire =
  (make: (el: Element, init?: Init) => Event) =>
  (el: Element, init?: Init): boolean =>
    dispatchTrusted(el, make(el, init));

/** fireEvent's click/change/keyDown, as the agent's own input (isTrusted true). */
export const trustedFire = {
  click: fire(createEvent.click),
  change: fire(createEvent.change),
  keyDown: fire(createEvent.keyDown),
};
