#!/usr/bin/env node
// Serves the demo shop alone, for loading the extension into your own Chrome by hand.
import { startServer, demoShopRoute, DEMO_PAGE } from "../demo/server.mjs";

const port = Number(process.env.PORT ?? 5178);
const server = await startServer({ port, routes: [demoShopRoute()] });
console.log(
  `PayNudge demo shop: ${server.origin}${DEMO_PAGE}  (Ctrl+C to stop)`,
);
