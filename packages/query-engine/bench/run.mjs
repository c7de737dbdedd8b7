// Benchmarks @sextant/query-engine (built dist/) against alien-signals and
// @preact/signals-core on the same graph shapes, in one process, and prints a markdown
// table. Build first: npm run build -w @sextant/query-engine && npm run bench -w @sextant/query-engine
//
// The libraries differ in model: signals push "dirty" marks to dependents when a source
// changes; the query engine is pull-based (salsa): after a change it verifies memos when
// they are read, walking their recorded dependencies. The shapes below measure the same
// observable work: change a source, then read the results.
import { computed as alienComputed, signal as alienSignal } from "alien-signals";
import { computed as preactComputed, signal as preactSignal } from "@preact/signals-core";
// QE_DIST=/path/to/index.js benchmarks another build of the engine (e.g. an older dist/).
const { Database } = await import(process.env.QE_DIST ?? "../dist/index.js");

const QUICK = process.argv.includes("--quick");
const ROUNDS = QUICK ? 9 : 31;
const WARMUP_MS = QUICK ? 100 : 400;

/**
 * Runs each library's `fn` in interleaved rounds (so load from other processes hits all
 * libraries alike) after a warm-up that lets the JIT optimize, and returns the median
 * milliseconds per call for each library: wall-clock time, and the CPU time of this
 * process (which leaves out the time it waited for a core on a loaded machine).
 */
function timeInterleaved(fns) {
  const names = Object.keys(fns);
  for (const name of names) {
    const until = performance.now() + WARMUP_MS;
    do fns[name](); while (performance.now() < until);
  }
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      fns[name]();
      wall[name].push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return {
    wall: Object.fromEntries(names.map((n) => [n, median(wall[n])])),
    cpu: Object.fromEntries(names.map((n) => [n, median(cpu[n])])),
  };
}

let sink = 0;

// ---------------------------------------------------------------- shapes per library

const engines = {
  "query-engine": {
    memoHit(reads) {
      const db = new Database();
      const input = db.input("x");
      input.set(0, 1);
      const q = db.query("double", (ctx, k) => ctx.get(input, k) * 2);
      db.get(q, 0);
      return () => {
        for (let i = 0; i < reads; i++) sink += db.get(q, 0);
      };
    },
    memoHitMany(reads, keys) {
      const db = new Database();
      const input = db.input("x");
      for (let k = 0; k < keys; k++) input.set(k, k);
      const q = db.query("double", (ctx, k) => ctx.get(input, k) * 2);
      for (let k = 0; k < keys; k++) db.get(q, k);
      return () => {
        for (let i = 0; i < reads; i++) sink += db.get(q, i % keys);
      };
    },
    chain(depth) {
      const db = new Database();
      const input = db.input("x");
      input.set(0, 0);
      const link = db.query("link", (ctx, i) => (i === 0 ? ctx.get(input, 0) : ctx.get(link, i - 1) + 1));
      for (let i = 0; i < depth; i++) db.get(link, i);
      let n = 0;
      return () => {
        input.set(0, ++n);
        sink += db.get(link, depth - 1);
      };
    },
    fanOut(width) {
      const db = new Database();
      const input = db.input("x");
      input.set(0, 0);
      const leaf = db.query("leaf", (ctx, i) => ctx.get(input, 0) + i);
      for (let i = 0; i < width; i++) db.get(leaf, i);
      let n = 0;
      return () => {
        input.set(0, ++n);
        for (let i = 0; i < width; i++) sink += db.get(leaf, i);
      };
    },
    diamonds(count) {
      const db = new Database();
      const input = db.input("x");
      for (let i = 0; i < count; i++) input.set(i, i);
      const left = db.query("left", (ctx, i) => ctx.get(input, i) + 1);
      const right = db.query("right", (ctx, i) => ctx.get(input, i) * 2);
      const join = db.query("join", (ctx, i) => ctx.get(left, i) + ctx.get(right, i));
      for (let i = 0; i < count; i++) db.get(join, i);
      let n = 0;
      return () => {
        n++;
        for (let i = 0; i < count; i++) input.set(i, i + n);
        for (let i = 0; i < count; i++) sink += db.get(join, i);
      };
    },
    /** 100 layers x 1,000 memos; each reads two memos of the layer below; layer 0 reads inputs. */
    bigGraph(layers, width, inputs) {
      const db = new Database();
      const input = db.input("x");
      for (let i = 0; i < inputs; i++) input.set(i, i);
      const unrelated = db.input("unrelated");
      unrelated.set(0, 0);
      const node = db.query("node", (ctx, key) => {
        const layer = Math.floor(key / width);
        const i = key % width;
        if (layer === 0) return ctx.get(input, i % inputs) % 7;
        const below = (layer - 1) * width;
        return (ctx.get(node, below + i) + ctx.get(node, below + ((i * 7 + 1) % width))) % 1000;
      });
      const top = (layers - 1) * width;
      for (let key = 0; key < layers * width; key++) db.get(node, key);
      let n = 0;
      let m = 0;
      return {
        // An input read by 10 layer-0 memos changes; they re-run and backdate (same value
        // mod 7), so every other memo must be re-verified, and none re-runs.
        reverify() {
          m += 7;
          input.set(0, m);
          for (let i = 0; i < width; i++) sink += db.get(node, top + i);
        },
        // An input nobody reads changes.
        unrelated() {
          unrelated.set(0, ++n);
          for (let i = 0; i < width; i++) sink += db.get(node, top + i);
        },
        // Nothing changed: every read is a memo hit.
        reread() {
          for (let i = 0; i < width; i++) sink += db.get(node, top + i);
        },
        memos: db.stats().memos,
      };
    },
  },
  "alien-signals": {
    memoHit(reads) {
      const s = alienSignal(1);
      const c = alienComputed(() => s() * 2);
      c();
      return () => {
        for (let i = 0; i < reads; i++) sink += c();
      };
    },
    memoHitMany(reads, keys) {
      const cs = [];
      for (let k = 0; k < keys; k++) {
        const s = alienSignal(k);
        cs.push(alienComputed(() => s() * 2));
      }
      for (const c of cs) c();
      return () => {
        for (let i = 0; i < reads; i++) sink += cs[i % keys]();
      };
    },
    chain(depth) {
      const s = alienSignal(0);
      let prev = s;
      for (let i = 0; i < depth; i++) {
        const p = prev;
        prev = alienComputed(() => p() + 1);
      }
      const last = prev;
      last();
      let n = 0;
      return () => {
        s(++n);
        sink += last();
      };
    },
    fanOut(width) {
      const s = alienSignal(0);
      const leaves = [];
      for (let i = 0; i < width; i++) leaves.push(alienComputed(() => s() + i));
      for (const c of leaves) c();
      let n = 0;
      return () => {
        s(++n);
        for (const c of leaves) sink += c();
      };
    },
    diamonds(count) {
      const sources = [];
      const joins = [];
      for (let i = 0; i < count; i++) {
        const s = alienSignal(i);
        const left = alienComputed(() => s() + 1);
        const right = alienComputed(() => s() * 2);
        sources.push(s);
        joins.push(alienComputed(() => left() + right()));
      }
      for (const j of joins) j();
      let n = 0;
      return () => {
        n++;
        for (let i = 0; i < count; i++) sources[i](i + n);
        for (const j of joins) sink += j();
      };
    },
    bigGraph(layers, width, inputs) {
      const sources = [];
      for (let i = 0; i < inputs; i++) sources.push(alienSignal(i));
      const unrelated = alienSignal(0);
      let below = [];
      for (let i = 0; i < width; i++) {
        const s = sources[i % inputs];
        below.push(alienComputed(() => s() % 7));
      }
      for (let layer = 1; layer < layers; layer++) {
        const prev = below;
        below = [];
        for (let i = 0; i < width; i++) {
          const a = prev[i];
          const b = prev[(i * 7 + 1) % width];
          below.push(alienComputed(() => (a() + b()) % 1000));
        }
      }
      const top = below;
      for (const c of top) c();
      let n = 0;
      let m = 0;
      return {
        reverify() {
          m += 7;
          sources[0](m);
          for (const c of top) sink += c();
        },
        unrelated() {
          unrelated(++n);
          for (const c of top) sink += c();
        },
        reread() {
          for (const c of top) sink += c();
        },
      };
    },
  },
  "@preact/signals-core": {
    memoHit(reads) {
      const s = preactSignal(1);
      const c = preactComputed(() => s.value * 2);
      c.value;
      return () => {
        for (let i = 0; i < reads; i++) sink += c.value;
      };
    },
    memoHitMany(reads, keys) {
      const cs = [];
      for (let k = 0; k < keys; k++) {
        const s = preactSignal(k);
        cs.push(preactComputed(() => s.value * 2));
      }
      for (const c of cs) c.value;
      return () => {
        for (let i = 0; i < reads; i++) sink += cs[i % keys].value;
      };
    },
    chain(depth) {
      const s = preactSignal(0);
      let prev = s;
      for (let i = 0; i < depth; i++) {
        const p = prev;
        prev = preactComputed(() => p.value + 1);
      }
      const last = prev;
      last.value;
      let n = 0;
      return () => {
        s.value = ++n;
        sink += last.value;
      };
    },
    fanOut(width) {
      const s = preactSignal(0);
      const leaves = [];
      for (let i = 0; i < width; i++) leaves.push(preactComputed(() => s.value + i));
      for (const c of leaves) c.value;
      let n = 0;
      return () => {
        s.value = ++n;
        for (const c of leaves) sink += c.value;
      };
    },
    diamonds(count) {
      const sources = [];
      const joins = [];
      for (let i = 0; i < count; i++) {
        const s = preactSignal(i);
        const left = preactComputed(() => s.value + 1);
        const right = preactComputed(() => s.value * 2);
        sources.push(s);
        joins.push(preactComputed(() => left.value + right.value));
      }
      for (const j of joins) j.value;
      let n = 0;
      return () => {
        n++;
        for (let i = 0; i < count; i++) sources[i].value = i + n;
        for (const j of joins) sink += j.value;
      };
    },
    bigGraph(layers, width, inputs) {
      const sources = [];
      for (let i = 0; i < inputs; i++) sources.push(preactSignal(i));
      const unrelated = preactSignal(0);
      let below = [];
      for (let i = 0; i < width; i++) {
        const s = sources[i % inputs];
        below.push(preactComputed(() => s.value % 7));
      }
      for (let layer = 1; layer < layers; layer++) {
        const prev = below;
        below = [];
        for (let i = 0; i < width; i++) {
          const a = prev[i];
          const b = prev[(i * 7 + 1) % width];
          below.push(preactComputed(() => (a.value + b.value) % 1000));
        }
      }
      const top = below;
      for (const c of top) c.value;
      let n = 0;
      let m = 0;
      return {
        reverify() {
          m += 7;
          sources[0].value = m;
          for (const c of top) sink += c.value;
        },
        unrelated() {
          unrelated.value = ++n;
          for (const c of top) sink += c.value;
        },
        reread() {
          for (const c of top) sink += c.value;
        },
      };
    },
  },
};

// ---------------------------------------------------------------- run

const HIT_READS = 1_000_000;
const LAYERS = 100;
const WIDTH = 1_000;
const INPUTS = 100;

const rows = [];
/** Measures one shape: `setup(engine)` returns the function to time, per library. */
function row(shape, unit, setup, scale = (ms) => ms) {
  const fns = {};
  for (const [name, engine] of Object.entries(engines)) fns[name] = setup(engine, name);
  const medians = timeInterleaved(fns);
  const results = {};
  const cpuResults = {};
  for (const name of Object.keys(medians.wall)) {
    results[name] = scale(medians.wall[name]);
    cpuResults[name] = scale(medians.cpu[name]);
  }
  rows.push({ shape, unit, results, cpuResults });
}

const perRead = (reads) => (ms) => (ms * 1e6) / reads;
row("memo hit: 1M reads of one clean memo", "ns/read", (e) => e.memoHit(HIT_READS), perRead(HIT_READS));
row("memo hit: 1M reads over 1,000 clean memos", "ns/read", (e) => e.memoHitMany(HIT_READS, 1_000), perRead(HIT_READS));
row("deep chain (1,000): set + read end", "ms", (e) => e.chain(1_000));
row("wide fan-out (10,000): set + read all", "ms", (e) => e.fanOut(10_000));
row("diamonds (1,000): set all + read all", "ms", (e) => e.diamonds(1_000));
const graphs = {};
for (const [name, engine] of Object.entries(engines)) graphs[name] = engine.bigGraph(LAYERS, WIDTH, INPUTS);
row("100k-memo graph: 1 input change cut off at layer 0, read top", "ms", (_e, name) => graphs[name].reverify);
row("100k-memo graph: change to an unread input, read top", "ms", (_e, name) => graphs[name].unrelated);
row("100k-memo graph: no-change re-read of top layer", "ms", (_e, name) => graphs[name].reread);

const names = Object.keys(engines);
const format = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
/** One markdown table of the `pick`ed medians (wall-clock or CPU time). */
function table(pick) {
  const lines = [
    `| shape | unit | ${names.join(" | ")} | query-engine / alien-signals | query-engine / preact |`,
    `|---|---|${names.map(() => "---:").join("|")}|---:|---:|`,
  ];
  for (const row of rows) {
    const results = pick(row);
    const qe = results["query-engine"];
    lines.push(
      `| ${row.shape} | ${row.unit} | ${names.map((n) => format(results[n])).join(" | ")} | ${(qe / results["alien-signals"]).toFixed(2)}× | ${(qe / results["@preact/signals-core"]).toFixed(2)}× |`,
    );
  }
  return lines.join("\n");
}
console.log(`query-engine memos in the big graph: ${graphs["query-engine"].memos}`);
console.log(
  `node ${process.version}, ${QUICK ? "quick" : "full"} run: median of ${ROUNDS} interleaved rounds after ${WARMUP_MS} ms warm-up; lower is better\n`,
);
console.log(`Wall-clock time:\n\n${table((row) => row.results)}\n`);
console.log(`CPU time of this process (leaves out waiting for a core on a loaded machine):\n\n${table((row) => row.cpuResults)}`);
if (sink === 42) console.log("");
