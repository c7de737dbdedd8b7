/**
 * The test page both Chromium tests load: a loopback server answers `/` with a page that
 * runs one ES module bundle, and the page may reach nothing but that server.
 */
import type { ServerResponse } from "node:http";
import { build, type BuildOptions } from "esbuild";
import type { Browser, Page } from "playwright-core";

/**
 * Bundles the page's code with esbuild into one ES2022 module for the browser, kept in
 * memory (the text `serveBundlePage` serves). `input` names the entry (`entryPoints` or
 * `stdin`) and any modules to leave out (`external`).
 */
export async function bundleForBrowser(input: Pick<BuildOptions, "entryPoints" | "stdin" | "external">): Promise<string> {
  const result = await build({ ...input, bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
  return result.outputFiles[0]!.text;
}

/**
 * Answers `/` with a page that loads `/bundle.js` as a module, and `/bundle.js` with
 * `bundle`. Returns false for any other path, which the caller then serves.
 */
export function serveBundlePage(path: string, response: ServerResponse, bundle: string): boolean {
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<!doctype html><script type="module" src="/bundle.js"></script>`);
    return true;
  }
  if (path === "/bundle.js") {
    response.writeHead(200, { "content-type": "text/javascript" });
    response.end(bundle);
    return true;
  }
  return false;
}

/** A page opened by {@link openOfflinePage}, with what it tried to reach elsewhere and what it threw. */
export interface OfflinePage {
  /** The page, already at the server's origin. */
  page: Page;
  /** URLs outside the origin the page requested; each was aborted. */
  leaks: string[];
  /** Uncaught errors thrown in the page. */
  errors: string[];
}

/**
 * Opens a page at `origin` that can reach only `origin`: any other request is aborted and
 * recorded in `leaks`, so a test proves the code ran offline by asserting `leaks` is empty
 * (and `errors`, the page's uncaught errors, too).
 */
export async function openOfflinePage(browser: Browser, origin: string): Promise<OfflinePage> {
  const page = await browser.newPage();
  const leaks: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    leaks.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(origin);
  return { page, leaks, errors };
}
