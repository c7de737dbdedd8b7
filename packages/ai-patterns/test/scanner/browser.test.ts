/**
 * Runs the scanner core in real Chromium: esbuild bundles src/scanner for the browser,
 * a loopback server serves the bundle and the .wasm files, and the page's findings on
 * every fixture must equal Node's. Requests that would leave 127.0.0.1 are blocked.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { CHROMIUM_PATH, launchChromium, listenOnLoopback } from "../../../../tests/support/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleForBrowser, openOfflinePage, serveBundlePage } from "../support/browser-page.js";
import { scanner } from "./support.js";

const isCI = process.env.CI === "true";
const require = createRequire(import.meta.url);
const grammarDir = dirname(require.resolve("@vscode/tree-sitter-wasm/wasm/tree-sitter-javascript.wasm"));
const runtimeDir = dirname(require.resolve("web-tree-sitter/web-tree-sitter.wasm"));
const fixtureDir = join(import.meta.dirname, "fixtures");

const ENTRY = `
import { createScanner } from ${JSON.stringify(join(import.meta.dirname, "..", "..", "src", "scanner", "index.ts"))};
window.scanInBrowser = async (files) => {
  const scanner = createScanner({
    loadGrammar: (_language, fileName) => "/grammars/" + fileName,
    runtime: { locateFile: (path) => "/runtime/" + path },
  });
  const out = [];
  for (const file of files) {
    const result = await scanner.scan(file);
    out.push({
      language: result.language,
      diagnostics: result.diagnostics,
      extractions: result.extractions.map((e) => ({ sql: e.sql, build: e.build, start: e.mapping(0), end: e.mapping(e.sql.length) })),
    });
  }
  await scanner.dispose();
  return out;
};
`;

if (!existsSync(CHROMIUM_PATH) && !isCI) console.warn(`scanner browser test skipped: ${CHROMIUM_PATH} not found`);

describe.skipIf(!existsSync(CHROMIUM_PATH) && !isCI)("scanner in Chromium", () => {
  let server: Server;
  let browser: Browser;
  let origin = "";

  beforeAll(async () => {
    const bundle = await bundleForBrowser({
      stdin: { contents: ENTRY, resolveDir: import.meta.dirname, loader: "js" },
      // web-tree-sitter imports these only on its Node code path.
      external: ["fs", "fs/promises", "module", "path", "url"],
    });
    server = createServer((request, response) => {
      const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
      const wasm = (dir: string, name: string) => {
        const file = join(dir, name);
        if (!/^[\w.-]+\.wasm$/.test(name) || !existsSync(file)) return false;
        response.writeHead(200, { "content-type": "application/wasm" });
        response.end(readFileSync(file));
        return true;
      };
      if (serveBundlePage(path, response, bundle)) return;
      if (!(path.startsWith("/grammars/") && wasm(grammarDir, path.slice(10))) && !(path.startsWith("/runtime/") && wasm(runtimeDir, path.slice(9)))) {
        response.writeHead(404);
        response.end();
      }
    });
    origin = await listenOnLoopback(server);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await scanner().dispose();
  });

  it("scans every fixture offline and agrees with Node", async () => {
    const files = readdirSync(fixtureDir)
      .sort()
      .map((name) => ({ path: name, text: readFileSync(join(fixtureDir, name), "utf8") }));
    const { page, leaks, errors } = await openOfflinePage(browser, origin);
    await page.waitForFunction(() => typeof (window as unknown as { scanInBrowser?: unknown }).scanInBrowser === "function");
    const inBrowser = await page.evaluate(
      (input) => (window as unknown as { scanInBrowser: (f: unknown) => Promise<unknown[]> }).scanInBrowser(input),
      files,
    );
    const inNode = [];
    for (const file of files) {
      const result = await scanner().scan(file);
      inNode.push({
        language: result.language,
        diagnostics: result.diagnostics,
        extractions: result.extractions.map((e) => ({ sql: e.sql, build: e.build, start: e.mapping(0), end: e.mapping(e.sql.length) })),
      });
    }
    expect(errors).toEqual([]);
    expect(leaks).toEqual([]);
    expect(inBrowser).toEqual(JSON.parse(JSON.stringify(inNode)));
    // Not vacuous: the fixtures hold findings in every language.
    expect(inNode.every((r) => r.diagnostics.length > 0)).toBe(true);
    await page.close();
  }, 60_000);
});
