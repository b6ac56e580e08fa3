// The project's own local web server: the demo shop for `npm start`, and fixture pages for the
// end-to-end tests. It listens on loopback only and never fetches anything.
import http from "node:http";
import https from "node:https";
import { demoOrders, DEMO_SHOP_NAME } from "./orders.mjs";
import { renderTaobaoSoldList } from "./taobao-page.mjs";

export const DEMO_PAGE = "/paynudge-demo/list_sold_items.htm";

/**
 * @typedef {{ status?: number, type?: string, body: string }} Reply
 * @typedef {(url: URL, req: http.IncomingMessage) => Reply | undefined} Route
 */

/**
 * The demo shop: Taobao's legacy list with orders placed relative to the moment the route is made
 * (the server's start), read once: a reload shows the same order times, so the page's and the
 * badges' countdowns run on rather than jump back.
 */
export function demoShopRoute(now = () => Date.now()) {
  const orders = demoOrders(now());
  /** @type {Route} */
  return (url) => {
    if (
      url.pathname === "/" ||
      url.pathname === "/paynudge-demo/" ||
      url.pathname === "/paynudge-demo"
    ) {
      return { status: 302, type: "text/plain", body: DEMO_PAGE };
    }
    if (url.pathname !== DEMO_PAGE) return undefined;
    const html = renderTaobaoSoldList(orders, {
      shopName: DEMO_SHOP_NAME,
      tab: url.searchParams.get("tab") ?? undefined,
      page: Number(url.searchParams.get("page") ?? 1),
      basePath: DEMO_PAGE,
    });
    return { body: html };
  };
}

/**
 * @param {{ port?: number, routes: Route[], tls?: { key: string, cert: string } }} opts
 * @returns {Promise<{ port: number, origin: string, close: () => Promise<void> }>}
 */
export async function startServer(opts) {
  /** @type {http.RequestListener} */
  const listener = (req, res) => {
    const url = new URL(
      req.url ?? "/",
      `http://${req.headers.host ?? "localhost"}`,
    );
    let reply;
    try {
      for (const route of opts.routes) {
        reply = route(url, req);
        if (reply) break;
      }
    } catch (error) {
      reply = { status: 500, type: "text/plain", body: String(error) };
    }
    reply ??= { status: 404, type: "text/plain", body: "not found" };
    const status = reply.status ?? 200;
    const headers = {
      "content-type": `${reply.type ?? "text/html"}; charset=utf-8`,
      "cache-control": "no-store",
    };
    if (status === 302)
      res.writeHead(302, { ...headers, location: reply.body }).end();
    else res.writeHead(status, headers).end(reply.body);
  };
  const server = opts.tls
    ? https.createServer(opts.tls, listener)
    : http.createServer(listener);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    origin: `${opts.tls ? "https" : "http"}://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * A throwaway self-signed certificate for serving fixtures on the platforms' real https URLs
 * (Chromium is told to ignore certificate errors in tests and benches).
 * @returns {Promise<{ key: string, cert: string }>}
 */
export async function selfSignedTls() {
  const { generate } = await import("selfsigned");
  const pems = await generate(
    [{ name: "commonName", value: "paynudge.test" }],
    { keySize: 2048, algorithm: "sha256" },
  );
  return { key: pems.private, cert: pems.cert };
}

/**
 * Routes by Host header and path: `{ 'trade.taobao.com/trade/itemlist/list_sold_items.htm': () => html }`.
 * A key with a `?` also requires that exact query string.
 * @param {Record<string, () => string>} pages
 * @returns {Route}
 */
export function hostRoutes(pages) {
  return (url, req) => {
    const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
    const page =
      pages[`${host}${url.pathname}${url.search}`] ??
      pages[`${host}${url.pathname}`];
    return page ? { body: page() } : undefined;
  };
}
