// Child process: stores one value in a shared disk cache and exits (run with execFileSync, so
// the parent can have another process write in the middle of its own synchronous code).
import { createNodeCache } from "../../dist/node/index.js";

const [dir, key, value] = process.argv.slice(2);
const cache = createNodeCache({ disk: { dir } });
await cache.set(key, JSON.parse(value));
await cache.close();
