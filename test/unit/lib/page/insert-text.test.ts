import { afterEach, describe, expect, it, vi } from "vitest";
import { editableKind, findEditable, insertText } from "@/lib/page/insert-text";

afterEach(() => {
  document.body.replaceChildren();
  delete (document as { execCommand?: unknown }).execCommand;
});

function mount<T extends HTMLElement>(el: T): T {
  document.body.append(el);
  return el;
}

function recordEvents(el: Element) {
  const seen: string[] = [];
  for (const type of ["input", "change"]) {
    // Listening on the body proves the events bubble, as React's root listener needs.
    document.body.addEventListener(
      type,
      (e) => e.target === el && seen.push(type),
    );
  }
  return seen;
}

/** Emulates Chrome's insertText on a focused field: replaces the selection and fires input. */
function browserLikeExecCommand() {
  const fn = vi.fn((command: string, _ui: boolean, text: string) => {
    const el = document.activeElement;
    if (
      command !== "insertText" ||
      !(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)
    )
      return false;
    el.setRangeText(text, el.selectionStart ?? 0, el.selectionEnd ?? 0, "end");
    el.dispatchEvent(
      new InputEvent("input", {
        bubbles: true,
        inputType: "insertText",
        data: text,
      }),
    );
    return true;
  });
  Object.defineProperty(document, "execCommand", {
    value: fn,
    configurable: true,
    writable: true,
  });
  return fn;
}

describe("textarea and input", () => {
  it("replaces a textarea’s text through the native setter and fires bubbling input and change", () => {
    const area = mount(document.createElement("textarea"));
    area.value = "旧内容";
    const events = recordEvents(area);
    expect(insertText(area, "您好，\n请付款", { mode: "replace" })).toEqual({
      ok: true,
      method: "setter",
    });
    expect(area.value).toBe("您好，\n请付款");
    expect(events).toEqual(["input", "change"]);
  });

  it("appends a note on its own line, and appending it again changes nothing", () => {
    const area = mount(document.createElement("textarea"));
    area.value = "顾客要求发顺丰";
    const note = "11-23 14:05 阿华 第2次 晚上付款";
    insertText(area, note, { mode: "append" });
    expect(area.value).toBe(`顾客要求发顺丰\n${note}`);
    const events = recordEvents(area);
    expect(insertText(area, note, { mode: "append" })).toEqual({
      ok: true,
      method: "none",
      alreadyPresent: true,
    });
    expect(area.value).toBe(`顾客要求发顺丰\n${note}`);
    expect(events).toEqual([]);
  });

  it("appends to a one-line input with a space and flattens newlines", () => {
    const input = mount(document.createElement("input"));
    input.value = "发顺丰";
    insertText(input, "11-23 14:05 阿华\n第2次", { mode: "append" });
    expect(input.value).toBe("发顺丰 11-23 14:05 阿华 第2次");
    const empty = mount(document.createElement("input"));
    insertText(empty, "第1次", { mode: "append" });
    expect(empty.value).toBe("第1次");
  });

  it("updates a React-controlled input, whose instance value setter hides the change from React", () => {
    const input = mount(document.createElement("input"));
    input.id = "seller_words";
    const proto = Object.getOwnPropertyDescriptor(
      HTMLInputElement.prototype,
      "value",
    )!;
    // What React does: track the value on the instance, and on `input` call onChange only when the
    // DOM value differs from the tracked one.
    let tracked = "";
    const onChange = vi.fn();
    Object.defineProperty(input, "value", {
      configurable: true,
      get() {
        return proto.get!.call(this);
      },
      set(v: string) {
        tracked = v;
        proto.set!.call(this, v);
      },
    });
    input.addEventListener("input", () => {
      if (input.value !== tracked) {
        tracked = input.value;
        onChange(input.value);
      }
    });

    // The naive way React swallows: the tracker is updated too, so onChange never runs.
    input.value = "直接赋值";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    expect(onChange).not.toHaveBeenCalled();

    expect(
      insertText(input, "11-23 14:05 阿华 第2次 晚上付款", { mode: "replace" })
        .method,
    ).toBe("setter");
    expect(onChange).toHaveBeenCalledExactlyOnceWith(
      "11-23 14:05 阿华 第2次 晚上付款",
    );
  });

  it("uses the browser’s insertText where it works, keeping undo, without duplicating", () => {
    const exec = browserLikeExecCommand();
    const area = mount(document.createElement("textarea"));
    area.value = "发顺丰";
    const events = recordEvents(area);
    expect(insertText(area, "第2次", { mode: "append" })).toEqual({
      ok: true,
      method: "execCommand",
    });
    expect(area.value).toBe("发顺丰\n第2次");
    expect(exec).toHaveBeenCalledExactlyOnceWith(
      "insertText",
      false,
      "\n第2次",
    );
    expect(events).toEqual(["input"]);
    expect(insertText(area, "全部替换", { mode: "replace" }).method).toBe(
      "execCommand",
    );
    expect(area.value).toBe("全部替换");
  });

  it("falls back to the setter when the command claims success but the value is wrong", () => {
    const exec = vi.fn(() => {
      // A page script that eats the edit half-way.
      const el = document.activeElement as HTMLTextAreaElement;
      el.setRangeText(
        "第",
        el.selectionStart ?? 0,
        el.selectionEnd ?? 0,
        "end",
      );
      return true;
    });
    Object.defineProperty(document, "execCommand", {
      value: exec,
      configurable: true,
    });
    const area = mount(document.createElement("textarea"));
    area.value = "a";
    expect(insertText(area, "第2次", { mode: "append" })).toEqual({
      ok: true,
      method: "setter",
    });
    expect(area.value).toBe("a\n第2次");
  });

  it("never types into another box when the target cannot take focus", () => {
    const exec = browserLikeExecCommand();
    const other = mount(document.createElement("textarea"));
    other.focus();
    const detached = document.createElement("textarea");
    expect(insertText(detached, "第2次", { mode: "replace" }).method).toBe(
      "setter",
    );
    expect(exec).not.toHaveBeenCalled();
    expect(other.value).toBe("");
    expect(detached.value).toBe("第2次");
  });
});

describe("contenteditable", () => {
  it("inserts text nodes, never markup, with line breaks as <br>", () => {
    const box = mount(document.createElement("div"));
    box.setAttribute("contenteditable", "true");
    box.append("旧消息");
    const events = recordEvents(box);
    const text = "<img src=x onerror=alert(1)>您好\n请付款";
    expect(insertText(box, text, { mode: "replace" })).toEqual({
      ok: true,
      method: "range",
    });
    expect(box.querySelector("img")).toBeNull();
    expect(box.querySelectorAll("br")).toHaveLength(1);
    expect(box.textContent).toBe("<img src=x onerror=alert(1)>您好请付款");
    expect(events).toEqual(["input"]);
  });

  it("appends after the existing content once, however often it is asked", () => {
    const box = mount(document.createElement("div"));
    box.setAttribute("contenteditable", "");
    const p = document.createElement("p");
    p.textContent = "顾客要求发顺丰";
    box.append(p);
    insertText(box, "第2次 晚上付款", { mode: "append", separator: " " });
    insertText(box, "第2次 晚上付款", { mode: "append", separator: " " });
    expect(box.textContent).toBe("顾客要求发顺丰 第2次 晚上付款");
    expect(box.firstChild).toBe(p);
  });

  it("trusts a successful insertText command, so an editor that renders later gets no duplicate", () => {
    const exec = vi.fn(() => true);
    Object.defineProperty(document, "execCommand", {
      value: exec,
      configurable: true,
    });
    const box = mount(document.createElement("div"));
    box.setAttribute("contenteditable", "true");
    box.tabIndex = 0;
    expect(insertText(box, "您好", { mode: "append" })).toEqual({
      ok: true,
      method: "execCommand",
    });
    expect(exec).toHaveBeenCalledOnce();
    expect(box.textContent).toBe("");
  });
});

describe("what can be typed into", () => {
  it("refuses fields that are not editable and leaves them alone", () => {
    const div = mount(document.createElement("div"));
    const disabled = mount(document.createElement("input"));
    disabled.disabled = true;
    const readonly = mount(document.createElement("textarea"));
    readonly.readOnly = true;
    const checkbox = mount(document.createElement("input"));
    checkbox.type = "checkbox";
    const off = mount(document.createElement("div"));
    off.setAttribute("contenteditable", "false");
    for (const el of [div, disabled, readonly, checkbox, off]) {
      expect(editableKind(el)).toBeUndefined();
      expect(insertText(el, "x", { mode: "replace" })).toEqual({
        ok: false,
        method: "none",
      });
    }
    expect(div.textContent).toBe("");
    expect(readonly.value).toBe("");
  });

  it("finds the first visible, editable field by selector order, skipping bad selectors", () => {
    const hiddenMemo = mount(document.createElement("textarea"));
    hiddenMemo.className = "note-textarea";
    hiddenMemo.style.display = "none";
    const memo = mount(document.createElement("textarea"));
    memo.className = "note-textarea";
    const seller = mount(document.createElement("input"));
    seller.id = "seller_words";
    seller.disabled = true;
    const chat = mount(document.createElement("div"));
    chat.className = "chat";
    chat.setAttribute("contenteditable", "true");
    expect(
      findEditable(document, [
        "###bad",
        "#seller_words",
        "textarea.note-textarea",
        ".chat",
      ]),
    ).toBe(memo);
    expect(findEditable(document, [".chat", "textarea.note-textarea"])).toBe(
      chat,
    );
    expect(
      findEditable(document, ["#seller_words", ".missing"]),
    ).toBeUndefined();
  });
});
