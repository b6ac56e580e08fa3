import { describe, expect, it, vi } from "vitest";
import { copyOnTrustedClick } from "@/components/shared/clipboard";
import {
  isTrusted,
  nativeEvent,
  trusted,
} from "@/components/shared/trusted-event";
import { dispatchTrusted } from "@/test/support/trusted-events";

/** A click as the browser makes it from the agent's input (jsdom's own dispatch). */
function agentClick(target: EventTarget = document.body): MouseEvent {
  let seen!: MouseEvent;
  target.addEventListener("click", (e) => (seen = e as MouseEvent), {
    once: true,
  });
  dispatchTrusted(target, new MouseEvent("click", { bubbles: true }));
  return seen;
}

describe("isTrusted", () => {
  it("accepts the browser's events only, DOM or React", () => {
    const scripted = new MouseEvent("click");
    document.body.dispatchEvent(scripted);
    const real = agentClick();
    expect(isTrusted(real)).toBe(true);
    expect(isTrusted({ nativeEvent: real })).toBe(true);
    expect(isTrusted(scripted)).toBe(false);
    expect(isTrusted({ nativeEvent: scripted })).toBe(false);
    expect(isTrusted(undefined)).toBe(false);
    expect(isTrusted(null)).toBe(false);
  });

  it("cannot be talked into a script's event: the flag is the browser's alone", () => {
    const forged = new MouseEvent("click");
    expect(() =>
      Object.defineProperty(forged, "isTrusted", { value: true }),
    ).toThrow();
    expect(isTrusted(forged)).toBe(false);
    // A subclass cannot override it either: the own, unforgeable property wins.
    class Sneaky extends MouseEvent {
      override get isTrusted() {
        return true;
      }
    }
    expect(isTrusted(new Sneaky("click"))).toBe(false);
  });
});

describe("trusted()", () => {
  it("runs the handler for the agent's input and drops every other event", () => {
    const handler = vi.fn();
    const button = document.createElement("button");
    document.body.append(button);
    button.addEventListener("click", trusted(handler));
    button.click();
    button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(handler).not.toHaveBeenCalled();
    const real = agentClick(button);
    expect(handler).toHaveBeenCalledExactlyOnceWith(real);
    button.remove();
  });

  it("takes React's synthetic events by their native event", () => {
    const handler = vi.fn();
    const wrapped = trusted(handler);
    wrapped({ nativeEvent: new MouseEvent("click") });
    expect(handler).not.toHaveBeenCalled();
    const real = agentClick();
    wrapped({ nativeEvent: real });
    expect(handler).toHaveBeenCalledOnce();
    expect(nativeEvent({ nativeEvent: real })).toBe(real);
    expect(nativeEvent(real)).toBe(real);
  });
});

describe("copyOnTrustedClick", () => {
  it("writes the clipboard for the agent's click only", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    try {
      expect(
        await copyOnTrustedClick("催付话术", new MouseEvent("click")),
      ).toBe(false);
      expect(writeText).not.toHaveBeenCalled();
      expect(await copyOnTrustedClick("催付话术", agentClick())).toBe(true);
      expect(writeText).toHaveBeenCalledExactlyOnceWith("催付话术");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
