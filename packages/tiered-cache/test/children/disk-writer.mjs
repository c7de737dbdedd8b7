// Child process for the SIGKILL test: writes large entries to a shared L2 as fast as it can
// until it is killed. Imports the built package (Node 20 cannot import .ts).
import { createNodeCache } from "../../dist/node/index.js";

const dir = process.argv[2];
const cache = createNodeCache({ disk: { dir }, l1: { maxEntries: 1 } });
let n = 0;
let announced = false;
for (;;) {
  n++;
  await cache.set(`big${n % 4}`, { n, body: String(n).repeat(50_000), sum: n * 7 });
  if (!announced) { process.stdout.write("writing\n"); announced = true; }
}
