// Child process for the L2 coherence tests: another process sharing a disk cache directory.
// Driven by JSON lines on stdin ({ id, op, ...args }); every command is answered by one JSON
// line on stdout. "churn" keeps replacing small entries until "stop", so a reader in the
// parent races real renames. Imports the built package (Node 20 cannot import .ts).
import { serveCommands } from "./serve-commands.mjs";
import { createNodeCache } from "../../dist/node/index.js";

const dir = process.argv[2];
const cache = createNodeCache({ disk: { dir }, l1: { maxEntries: 1 } });
let churning = false;
let churned = 0;

const handlers = {
  set: ({ ns, key, value }) => cache.namespace(ns).set(key, value),
  delete: ({ ns, key }) => cache.namespace(ns).delete(key),
  clear: ({ ns }) => cache.namespace(ns).clear(),
  churn: ({ keys }) => {
    churning = true;
    void (async () => {
      while (churning) {
        churned++;
        // Versions only grow: a reader that ever sees an older one after a newer read stale data.
        for (let k = 0; k < keys; k++) await cache.set(`churn${k}`, { n: churned, body: String(churned).repeat(20) });
      }
    })();
    return true;
  },
  stop: async () => { churning = false; await new Promise((r) => setTimeout(r, 20)); return churned; },
  close: async () => { await cache.close(); setImmediate(() => process.exit(0)); return true; },
};

await serveCommands(handlers);
