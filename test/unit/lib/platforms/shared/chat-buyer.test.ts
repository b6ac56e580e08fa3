import { afterEach, describe, expect, it } from "vitest";
import { demoShop } from "@/lib/platforms/demo-shop/adapter";
import { openChatBuyer } from "@/lib/platforms/shared/chat-buyer";
import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";

/* Where the page shows the open chat's buyer, read as text; unknown without a place to look. */

afterEach(() => {
  document.body.replaceChildren();
});

function page(html: string) {
  document.body.innerHTML = html;
}

describe("openChatBuyer", () => {
  it("reads the demo shop's chat header as text", () => {
    page(
      `<div id="ww-chat"><div class="ww-head">旺旺 · 与 <span id="ww-buyer"> 牛<b>**</b> </span> 聊天中</div></div>`,
    );
    expect(openChatBuyer(document, demoShop)).toBe("牛**");
  });

  it("is unknown when the chat is hidden, its buyer is blank, or the adapter does not say where to look", () => {
    page(`<div id="ww-chat" hidden><span id="ww-buyer">牛**</span></div>`);
    expect(openChatBuyer(document, demoShop)).toBeUndefined();
    page(`<div id="ww-chat"><span id="ww-buyer">  </span></div>`);
    expect(openChatBuyer(document, demoShop)).toBeUndefined();
    page(`<div id="ww-chat"><span id="ww-buyer">牛**</span></div>`);
    expect(openChatBuyer(document, taobaoLegacy)).toBeUndefined();
    expect(openChatBuyer(document, undefined)).toBeUndefined();
  });

  it("takes the first shown match, skipping bad selectors", () => {
    page(
      `<span class="b" style="display:none">小***</span><span class="b">t**1</span>`,
    );
    expect(
      openChatBuyer(document, { ...demoShop, chatBuyer: ["[[bad", ".b"] }),
    ).toBe("t**1");
  });
});
