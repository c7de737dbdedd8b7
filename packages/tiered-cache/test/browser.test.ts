import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join, normalize } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchChromium, listenOnLoopback } from "../../../tests/support/browser.js";
import { isCI } from "../../../tests/support/servers.js";

// The core must run unchanged in a browser: load the BUILT package (npm test builds first)
// into headless Chromium with an import map for its two dependencies, and run page.mjs.
const packageDir = join(import.meta.dirname, "..");
const rootModules = join(packageDir, "..", "..", "node_modules");
const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  const message = "chromium is not installed (apt-get install -y chromium): the browser test cannot run";
  if (isCI) throw new Error(`CI=true and ${message}`);
  console.warn(`[tiered-cache] ${message}`);
}

const html = `<!doctype html><script type="importmap">${JSON.stringify({
  imports: { "lru-cache": "/modules/lru-cache/dist/esm/browser/index.min.js", zod: "/modules/zod/index.js" },
})}</script><script type="module" src="/pkg/test/browser/page.mjs"></script>`;

let server: Server;
let browser: Browser;
let origin = "";

beforeAll(async () => {
  if (!hasChromium) return;
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/") { res.writeHead(200, { "content-type": "text/html" }); res.end(html); return; }
    const [, mount, ...rest] = url.pathname.split("/");
    const base = mount === "pkg" ? packageDir : mount === "modules" ? rootModules : undefined;
    const file = base && normalize(join(base, ...rest));
    if (!file || !file.startsWith(base) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(readFileSync(file));
  });
  origin = await listenOnLoopback(server);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe.skipIf(!hasChromium)("core in a real browser (Chromium)", () => {
  it("coalesces, encrypts with WebCrypto, serializes bytes and renders metrics", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(origin);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 20_000 });
    const result = await page.evaluate(() => (window as unknown as { __result: Record<string, unknown> }).__result);
    expect(errors).toEqual([]);
    expect(result).toEqual({
      factoryCalls: 1, sameValue: true, ciphertextHidesValue: true, storedKeyHashed: true,
      readBack: true, afterTag: true, prometheus: true, hmac: 43,
    });
  });
});
