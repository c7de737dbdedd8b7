/**
 * Runs the classifier in real Chromium: the page loads the model from a loopback HTTP
 * server through transformers.js's web build (onnxruntime-web, wasm), and its results
 * must equal Node's. Every request that would leave 127.0.0.1 is blocked and reported.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchChromium, listenOnLoopback } from "../../../tests/support/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNodeClassifier } from "../src/node/index.js";
import { bundleForBrowser, openOfflinePage, serveBundlePage } from "./support/browser-page.js";

const isCI = process.env.CI === "true";
const packageDir = join(import.meta.dirname, "..");
const repoRoot = join(packageDir, "..", "..");
const INPUTS = [
  "' OR 1=1 --",
  "O'Brien",
  "1 UN/**/ION SEL/**/ECT 1,2,3",
  "%27%20OR%20%271%27%3D%271",
  "SELECT name FROM users WHERE id = $1",
  "12345||12345",
  "ＳＥＬＥＣＴ sleep(5)",
  "",
];

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".onnx": "application/octet-stream" };

describe.skipIf(!existsSync(CHROMIUM_PATH) && !isCI)("classifier in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let origin = "";
  let bundle = "";

  beforeAll(async () => {
    bundle = await bundleForBrowser({ entryPoints: [join(packageDir, "test", "browser", "entry.ts")] });
    const roots: Record<string, string> = {
      "/models/": join(packageDir, "models"),
      "/ort/": join(repoRoot, "node_modules", "onnxruntime-web", "dist"),
    };
    server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      if (serveBundlePage(url.pathname, response, bundle)) return;
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
        if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
          response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
          response.end(readFileSync(file));
          return;
        }
      }
      response.writeHead(404);
      response.end();
    });
    origin = await listenOnLoopback(server);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it("classifies offline and agrees with Node", async () => {
    const { page, leaks, errors } = await openOfflinePage(browser, origin);
    await page.waitForFunction(() => typeof window.classifyInBrowser === "function");
    const inBrowser = (await page.evaluate((texts) => window.classifyInBrowser(texts), INPUTS)) as Array<{ label: string; score: number; reasons: Array<{ range?: unknown }> }>;

    const node = await createNodeClassifier();
    const inNode = await node.classifyBatch(INPUTS);
    await node.dispose();

    expect(errors).toEqual([]);
    expect(leaks).toEqual([]);
    expect(inBrowser.map((r) => r.label)).toEqual(inNode.map((r) => r.label));
    inBrowser.forEach((result, i) => {
      expect(result.score).toBeCloseTo(inNode[i]!.score, 5);
      expect(result.reasons.map((r) => r.range)).toEqual(inNode[i]!.reasons.map((r) => r.range));
    });
    // The inputs hold both classes, so agreement is not trivially "all benign".
    expect(new Set(inBrowser.map((r) => r.label))).toEqual(new Set(["benign", "injection"]));
    await page.close();
  }, 60_000);
});
