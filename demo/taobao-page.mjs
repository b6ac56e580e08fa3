// Renders a seller order list faithful to Taobao's legacy sold-items page (shared/platforms.md):
// hashed CSS-module class names, `input[name=orderid]`, 订单号/创建时间 spans, status link texts.

const ESCAPES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Page text may be hostile (fixtures test that): everything is escaped. */
function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function pad(n) {
  return String(n).padStart(2, "0");
}

function taobaoTime(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const TABS = [
  ["all", "近三个月订单"],
  ["waitBuyerPay", "等待买家付款"],
  ["waitSend", "等待发货"],
  ["haveSendGoods", "已发货"],
  ["success", "成功的订单"],
  ["closed", "关闭的订单"],
];

const TAB_STATUS = {
  waitBuyerPay: "等待买家付款",
  waitSend: "买家已付款",
  haveSendGoods: "卖家已发货",
  success: "交易成功",
  closed: "交易关闭",
};

function renderOrder(order) {
  const closed = order.status === "交易关闭";
  const items = order.items
    .map(
      (item) => `
        <tr class="suborder-mod__item___dY2q5">
          <td class="suborder-mod__production___3WebF">
            <a class="suborder-mod__pic___1R4Rt" href="#item"><span class="pic-placeholder"></span></a>
            <div><a href="//item.taobao.com/item.htm?id=6${esc(order.id.slice(-11))}">${esc(item.title)}</a>
            <p class="suborder-mod__sku___2a1yn">${esc(item.sku)}</p></div>
          </td>
          <td><p class="price-mod__price___157jz">￥${esc(item.price)}</p></td>
          <td><p class="quantity-mod__quantity___2rpAE">${esc(item.quantity)}</p></td>
        </tr>`,
    )
    .join("");
  const memo = `<div class="memo-mod__memo___1ZCVx"${order.memo ? "" : " hidden"}><i class="memo-mod__flag___3kPq1 flag-purple"></i><span class="memo-mod__text___2zN8k">${esc(order.memo ?? "")}</span></div>`;
  return `
  <div class="trade-order-main item-mod__trade-order___2LnGB${closed ? " item-mod__trade-order-mainClose___1YfFj" : ""}">
    <table class="item-mod__head___38O6X"><tbody><tr><td>
      <label class="item-mod__checkbox-label___cRGUj"><input type="checkbox" name="orderid" value="${esc(order.id)}">
        <span>订单号</span><span>：</span><span>${esc(order.id)}</span></label>
      <span class="item-mod__create-time___1Ct4O"><span>创建时间</span><span>：</span><span>${esc(taobaoTime(order.createdAt))}</span></span>
    </td></tr></tbody></table>
    <table class="item-mod__body___1pSqK"><tbody>
      <tr>
        <td class="item-mod__items___2Uo0c"><table><tbody>${items}</tbody></table></td>
        <td class="item-mod__buyer___3CEnT"><a class="buyer-mod__name___S9vit" href="#buyer">${esc(order.buyer)}</a>
          <p><a class="buyer-mod__ww___2QNag" href="#ww" data-chat="${esc(order.buyer)}">和我联系</a></p></td>
        <td class="item-mod__status___1vNdz"><p><a class="text-mod__link___36nmM" href="#detail">${esc(order.status)}</a></p>
          <p><a href="#detail">详情</a></p>
          <p><a class="memo-mod__edit___3aQ1x" href="#memo" data-memo-for="${esc(order.id)}">备注</a></p></td>
        <td class="item-mod__price___1PsMR"><p class="price-mod__actual___3sUiT"><strong>￥${esc(order.total)}</strong></p>
          <p class="post-fee-mod__post-fee___1rPfg">(含快递:￥0.00)</p></td>
      </tr>
    </tbody></table>
    ${memo}
  </div>`;
}

const STYLE = `
  body { margin: 0; font: 12px/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #3c3c3c; background: #f5f5f5; }
  .site-nav { background: #f5f5f5; border-bottom: 1px solid #eee; padding: 6px 24px; color: #6c6c6c; }
  .site-nav a { color: #f40; text-decoration: none; }
  .seller-top { background: #fff; padding: 14px 24px; border-bottom: 2px solid #ff5000; font-size: 18px; }
  .seller-top small { color: #999; font-size: 12px; margin-left: 12px; }
  #sold_container { margin: 16px 24px; background: #fff; padding: 12px 16px; }
  .tabs { display: flex; gap: 24px; border-bottom: 1px solid #e8e8e8; margin-bottom: 12px; }
  .tabs a { padding: 8px 0; color: #3c3c3c; text-decoration: none; }
  .tabs a.active { color: #ff5000; border-bottom: 2px solid #ff5000; }
  .list-head { display: grid; grid-template-columns: 1fr 120px 120px 140px; background: #f3f3f3; padding: 6px 12px; color: #6c6c6c; }
  .trade-order-main { border: 1px solid #e8e8e8; margin: 10px 0; }
  .item-mod__head___38O6X { width: 100%; background: #f1f6fd; border-bottom: 1px solid #e8e8e8; }
  .item-mod__head___38O6X td { padding: 6px 10px; }
  .item-mod__create-time___1Ct4O { margin-left: 24px; color: #6c6c6c; }
  .item-mod__body___1pSqK { width: 100%; border-collapse: collapse; }
  .item-mod__body___1pSqK > tbody > tr > td { vertical-align: top; padding: 8px 10px; border-left: 1px solid #f0f0f0; }
  .item-mod__items___2Uo0c { width: 55%; }
  .suborder-mod__production___3WebF { display: flex; gap: 8px; }
  .suborder-mod__production___3WebF a { color: #3c3c3c; text-decoration: none; }
  .pic-placeholder { display: inline-block; width: 60px; height: 60px; background: linear-gradient(135deg, #ffe2cc, #ffd0e0); }
  .suborder-mod__sku___2a1yn { color: #9c9c9c; margin: 4px 0 0; }
  .text-mod__link___36nmM { color: #3c3c3c; }
  .item-mod__trade-order-mainClose___1YfFj { opacity: 0.6; }
  .price-mod__actual___3sUiT strong { color: #3c3c3c; font-size: 14px; }
  .memo-mod__memo___1ZCVx { padding: 6px 10px; background: #fbf7ff; color: #6b3fa0; border-top: 1px dashed #e0d0f0; }
  .flag-purple { display: inline-block; width: 10px; height: 10px; background: #8e44ad; margin-right: 6px; }
  .pagination { display: flex; gap: 8px; justify-content: flex-end; margin-top: 12px; }
  .pagination a, .pagination span { padding: 4px 10px; border: 1px solid #ddd; color: #3c3c3c; text-decoration: none; }
  .pagination .current { border-color: #ff5000; color: #ff5000; }
  .empty { padding: 40px; text-align: center; color: #999; }
  .dialog { position: fixed; top: 20%; left: 50%; transform: translateX(-50%); width: 420px; background: #fff; border: 1px solid #ddd; box-shadow: 0 8px 30px rgba(0,0,0,.2); padding: 16px; z-index: 10; }
  .dialog textarea { width: 100%; height: 90px; box-sizing: border-box; }
  .ww-chat { position: fixed; right: 16px; bottom: 16px; width: 320px; background: #fff; border: 1px solid #ddd; box-shadow: 0 8px 30px rgba(0,0,0,.2); z-index: 10; }
  .ww-head { background: #ff5000; color: #fff; padding: 6px 10px; }
  .ww-log { height: 120px; overflow: auto; padding: 6px 10px; color: #666; }
  .ww-input { min-height: 60px; border-top: 1px solid #eee; padding: 6px 10px; outline: none; }
  [hidden] { display: none !important; }
`;

// The page's own behaviour, as a seller back-office has it: a memo dialog and a chat window.
// Page code builds text with textContent only.
const PAGE_SCRIPT = `
(() => {
  const dialog = document.getElementById('memo-dialog');
  const text = document.getElementById('memo-text');
  let orderId = null;
  document.addEventListener('click', (event) => {
    const memoLink = event.target.closest('[data-memo-for]');
    if (memoLink) {
      event.preventDefault();
      orderId = memoLink.getAttribute('data-memo-for');
      const row = memoLink.closest('.trade-order-main');
      text.value = row.querySelector('.memo-mod__text___2zN8k').textContent;
      dialog.hidden = false;
      text.focus();
      return;
    }
    const chatLink = event.target.closest('[data-chat]');
    if (chatLink) {
      event.preventDefault();
      openChat(chatLink.getAttribute('data-chat'));
    }
  });
  // One conversation per buyer, as in a real 旺旺 window: switching keeps each one's unsent draft
  // and sent lines. An empty buyer is the recent-messages view, whose header names nobody.
  const chats = new Map();
  let current = null;
  const input = document.getElementById('ww-input');
  const log = document.getElementById('ww-log');
  function openChat(buyer) {
    if (current !== null)
      chats.set(current, { draft: input.textContent, lines: [...log.children].map((p) => p.textContent) });
    current = buyer;
    const saved = chats.get(buyer) || { draft: '', lines: [] };
    document.getElementById('ww-buyer').textContent = buyer;
    document.getElementById('ww-with').hidden = !buyer;
    document.getElementById('ww-inbox').hidden = !!buyer;
    input.textContent = saved.draft;
    log.replaceChildren(...saved.lines.map((text) => {
      const line = document.createElement('p');
      line.textContent = text;
      return line;
    }));
    document.getElementById('ww-chat').hidden = false;
    input.focus();
  }
  document.getElementById('memo-save').addEventListener('click', () => {
    const input = document.querySelector('input[name="orderid"][value="' + orderId + '"]');
    const row = input && input.closest('.trade-order-main');
    if (row) {
      const memo = row.querySelector('.memo-mod__memo___1ZCVx');
      memo.querySelector('.memo-mod__text___2zN8k').textContent = text.value;
      memo.hidden = !text.value;
    }
    dialog.hidden = true;
  });
  document.getElementById('memo-cancel').addEventListener('click', () => { dialog.hidden = true; });
  document.getElementById('ww-send').addEventListener('click', () => {
    const line = document.createElement('p');
    line.textContent = input.textContent;
    document.getElementById('ww-log').append(line);
    input.textContent = '';
  });
})();
`;

/**
 * @param {import('./orders.mjs').DemoOrder[]} orders
 * @param {{ shopName: string, tab?: string, page?: number, pageSize?: number, basePath?: string, title?: string }} opts
 */
export function renderTaobaoSoldList(orders, opts) {
  const tab = TAB_STATUS[opts.tab ?? ""] ? opts.tab : "all";
  const filtered =
    tab === "all" ? orders : orders.filter((o) => o.status === TAB_STATUS[tab]);
  const pageSize = opts.pageSize ?? 15;
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const shown = filtered.slice((page - 1) * pageSize, page * pageSize);
  const base = opts.basePath ?? "";
  const link = (t, p) => `${base}?tab=${t}&page=${p}`;
  const tabs = TABS.map(
    ([id, label]) =>
      `<a class="${id === tab ? "active" : ""}" href="${link(id, 1)}">${esc(label)}</a>`,
  ).join("");
  const pager = Array.from({ length: pages }, (_, i) =>
    i + 1 === page
      ? `<span class="current">${i + 1}</span>`
      : `<a href="${link(tab, i + 1)}">${i + 1}</a>`,
  ).join("");
  const next =
    page < pages
      ? `<a class="next" href="${link(tab, page + 1)}">下一页</a>`
      : "";
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(opts.title ?? "已卖出的宝贝")}</title><style>${STYLE}</style></head>
<body>
  <div class="site-nav">您好，<a class="site-nav-login-info-nick" href="#me">${esc(opts.shopName)}</a> · 卖家中心 · <a href="#ww" data-chat="">旺旺消息</a></div>
  <div class="seller-top">已卖出的宝贝<small>PayNudge 演示店铺 · 数据均为虚构</small></div>
  <div id="sold_container">
    <div class="tabs">${tabs}</div>
    <div class="list-head"><span>宝贝</span><span>买家</span><span>交易状态</span><span>实收款</span></div>
    ${shown.length ? shown.map(renderOrder).join("") : '<div class="empty">没有符合条件的宝贝，请尝试其他搜索条件。</div>'}
    <div class="pagination">${pager}${next}</div>
  </div>
  <div class="dialog" id="memo-dialog" hidden>
    <p>修改备注</p>
    <textarea id="memo-text" class="memo-mod__textarea___2bq9T" placeholder="请输入备注信息" maxlength="500"></textarea>
    <p><button type="button" id="memo-save">确定</button> <button type="button" id="memo-cancel">取消</button></p>
  </div>
  <div class="ww-chat" id="ww-chat" hidden>
    <div class="ww-head">旺旺 · <span id="ww-with">与 <span id="ww-buyer"></span> 聊天中</span><span id="ww-inbox" hidden>最近消息</span></div>
    <div class="ww-log" id="ww-log"></div>
    <div class="ww-input" id="ww-input" contenteditable="true" aria-label="输入消息"></div>
    <p style="text-align:right;margin:4px 8px"><button type="button" id="ww-send">发送</button></p>
  </div>
  <script>${PAGE_SCRIPT}</script>
</body></html>`;
}
