/**
 * The core packages (query-engine, sql-analyzer, cairom-analyzer) must run unchanged in a
 * browser. This bundles them from `src/` for `platform: "browser"` (a Node built-in import
 * fails the bundle) and runs the same smoke function in real headless Chromium and in Node;
 * the results must be equal.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchChromium, listenOnLoopback } from "./support/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { missingServer } from "./support/servers.js";
import { runCoreSmoke } from "./browser/core-smoke.js";

const hasChromium = existsSync(CHROMIUM_PATH) || (missingServer("chromium", "chromium"), false);

describe.skipIf(!hasChromium)("core packages in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let origin = "";
  let bundle = "";

  beforeAll(async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, "browser", "core-smoke.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["@sextant/source"],
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    bundle = result.outputFiles[0]!.text;
    server = createServer((req, res) => {
      if (req.url === "/core.js") {
        res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
      } else {
        res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>core</title>");
      }
    });
    origin = await listenOnLoopback(server);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("bundles for the browser with no Node built-in", () => {
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle).not.toMatch(/from\s*["']node:/);
  });

  it("gives the same results in Chromium as in Node", async () => {
    const inNode = runCoreSmoke();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${origin}/`);
    // A string, not a function: vitest would rewrite `import()` inside a function body.
    const inBrowser = await page.evaluate(`import("${origin}/core.js").then((m) => m.runCoreSmoke())`);
    expect(errors).toEqual([]);
    expect(inBrowser).toEqual(inNode);
    // And the results are the meaningful ones, not merely equal.
    expect(inNode.engine.first).toBe(10);
    expect(inNode.engine.second).toBe(10);
    expect(inNode.engine.executions.filter((q) => q === "doubled")).toHaveLength(1);
    expect(inNode.sql.lossless).toBe(true);
    expect(inNode.sql.errorCodes.length).toBeGreaterThan(0);
    expect(inNode.sql.formatted).toMatch(/^SELECT/);
    expect(inNode.cairom.diagnostics.some((d) => d.includes("unused"))).toBe(true);
    expect(inNode.cairom.hover).toContain("twice");
  });
});
