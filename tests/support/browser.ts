/**
 * Shared set-up for tests that run code in real headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core) against a server on loopback.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

/** Where Debian's chromium package installs the browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags for a root, offline machine: no sandbox (root), no GPU, and none of the background
 * networking that would try to reach hosts outside loopback.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Launches headless Chromium with the flags above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Starts `server` on a free 127.0.0.1 port and returns its origin (`http://127.0.0.1:<port>`). */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
