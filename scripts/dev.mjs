#!/usr/bin/env node
// `npm run dev`: the demo shop plus WXT's dev mode (rebuilds on save; opens Chrome where there is a screen).
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { DEMO_PAGE, demoShopRoute, startServer } from "../demo/server.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const server = await startServer({
  port: Number(process.env.PORT ?? 5178),
  routes: [demoShopRoute()],
});
console.log(`PayNudge demo shop: ${server.origin}${DEMO_PAGE}`);
const wxt = spawn(
  process.execPath,
  [join(ROOT, "node_modules/wxt/bin/wxt.mjs"), ...process.argv.slice(2)],
  { cwd: ROOT, stdio: "inherit" },
);
const stop = () => wxt.kill("SIGINT");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
wxt.on("exit", async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
