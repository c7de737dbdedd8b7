// Child process for the multi-process tests: one cache (L1 + Redis L3 + bus, optionally the
// lock) driven by JSON lines on stdin; every command is answered by one JSON line on stdout.
import { serveCommands } from "./serve-commands.mjs";
import { createNodeCache } from "../../dist/node/index.js";

const [url, prefix, lock] = process.argv.slice(2);
const cache = createNodeCache({ redis: { url, prefix, lock: lock === "lock" } });
const remote = [];
cache.on("remote", (event) => remote.push(event.type));
let factoryCalls = 0;

const handlers = {
  ready: async () => { await cache.ready(); return true; },
  get: ({ key }) => cache.get(key),
  peek: ({ key }) => cache.peek(key) ?? null,
  set: ({ key, value, tags }) => cache.set(key, value, tags ? { tags } : undefined),
  delete: ({ key }) => cache.delete(key),
  invalidateTags: ({ tags }) => cache.invalidateTags(tags),
  stampede: async ({ key, n, delayMs, lock }) => {
    factoryCalls = 0;
    const factory = async () => { factoryCalls++; await new Promise((r) => setTimeout(r, delayMs)); return `value of ${key}`; };
    const values = await Promise.all(Array.from({ length: n }, () => cache.getOrSet(key, factory, { lock })));
    return { calls: factoryCalls, distinct: [...new Set(values)] };
  },
  remote: () => remote,
  close: async () => { await cache.close(); setImmediate(() => process.exit(0)); return true; },
};

await serveCommands(handlers);
