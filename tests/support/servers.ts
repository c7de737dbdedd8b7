/**
 * Starts real servers (Redis today) on loopback for tests. Used by the vitest global
 * setup and by tests that need a private instance they can kill mid-run.
 *
 * Policy: a missing server binary is a failure under `CI=true` and a plain, visible
 * message locally (the tests that need it then report themselves as skipped).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";

/** True when running in CI, where a missing server must fail the run. */
export const isCI = process.env.CI === "true" || process.env.CI === "1";

/** Whether an executable is on PATH. */
export function hasExecutable(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** Asks the OS for a free loopback TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: "127.0.0.1", port });
      socket.once("connect", () => { socket.destroy(); resolve(true); });
      socket.once("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`server on 127.0.0.1:${port} did not accept connections within ${timeoutMs} ms`);
}

/** A running redis-server child process. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly process: ChildProcess;
  /** Stops the server (SIGKILL when `hard`, else SIGTERM) and waits for it to exit. */
  stop(hard?: boolean): Promise<void>;
}

/** Starts a throwaway redis-server (no persistence) on a free or given loopback port. */
export async function startRedis(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn("redis-server", [
    "--bind", "127.0.0.1", "--port", String(chosen), "--save", "", "--appendonly", "no",
    "--daemonize", "no", "--loglevel", "warning",
  ], { stdio: "ignore" });
  await waitForPort(chosen, 10_000);
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    process: child,
    stop: (hard = false) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(hard ? "SIGKILL" : "SIGTERM");
    }),
  };
}

/** Explains a missing server; throws in CI, returns the message locally. */
export function missingServer(binary: string, debianPackage: string): string {
  const message = `${binary} is not installed: tests that need it cannot run (install with: apt-get install -y ${debianPackage})`;
  if (isCI) throw new Error(`CI=true and ${message}`);
  return message;
}
