// One shape of bench/run.mjs at a time, for profilers (`node --cpu-prof`, callgrind):
//   node bench/focus.mjs <reverify|fanout|chain|diamonds> [iterations] [query-engine|preact|alien]
// Builds the graph, runs the shape `iterations` times and prints the median ms.
import { computed as alienComputed, signal as alienSignal } from "alien-signals";
import { computed as preactComputed, signal as preactSignal } from "@preact/signals-core";
// QE_DIST points at another build (e.g. a copy of an older dist/) to compare two versions.
const { Database } = await import(process.env.QE_DIST ?? "../dist/index.js");

const [shape = "reverify", iterationsText = "50", lib = "query-engine"] = process.argv.slice(2);
const iterations = Number(iterationsText);
let sink = 0;

function queryEngine() {
  return {
    reverify() {
      const width = 1000;
      const layers = 100;
      const inputs = 100;
      const db = new Database();
      const input = db.input("x");
      for (let i = 0; i < inputs; i++) input.set(i, i);
      const node = db.query("node", (ctx, key) => {
        const layer = Math.floor(key / width);
        const i = key % width;
        if (layer === 0) return ctx.get(input, i % inputs) % 7;
        const below = (layer - 1) * width;
        return (ctx.get(node, below + i) + ctx.get(node, below + ((i * 7 + 1) % width))) % 1000;
      });
      const top = (layers - 1) * width;
      for (let key = 0; key < layers * width; key++) db.get(node, key);
      let m = 0;
      return () => {
        m += 7;
        input.set(0, m);
        for (let i = 0; i < width; i++) sink += db.get(node, top + i);
      };
    },
    fanout() {
      const db = new Database();
      const input = db.input("x");
      input.set(0, 0);
      const leaf = db.query("leaf", (ctx, i) => ctx.get(input, 0) + i);
      for (let i = 0; i < 10000; i++) db.get(leaf, i);
      let n = 0;
      return () => {
        input.set(0, ++n);
        for (let i = 0; i < 10000; i++) sink += db.get(leaf, i);
      };
    },
    chain() {
      const db = new Database();
      const input = db.input("x");
      input.set(0, 0);
      const link = db.query("link", (ctx, i) => (i === 0 ? ctx.get(input, 0) : ctx.get(link, i - 1) + 1));
      for (let i = 0; i < 1000; i++) db.get(link, i);
      let n = 0;
      return () => {
        input.set(0, ++n);
        sink += db.get(link, 999);
      };
    },
    diamonds() {
      const count = 1000;
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
  };
}

function signals(signal, computed, read, write) {
  return {
    reverify() {
      const sources = [];
      for (let i = 0; i < 100; i++) sources.push(signal(i));
      let below = [];
      for (let i = 0; i < 1000; i++) {
        const s = sources[i % 100];
        below.push(computed(() => read(s) % 7));
      }
      for (let layer = 1; layer < 100; layer++) {
        const prev = below;
        below = [];
        for (let i = 0; i < 1000; i++) {
          const a = prev[i];
          const b = prev[(i * 7 + 1) % 1000];
          below.push(computed(() => (read(a) + read(b)) % 1000));
        }
      }
      const top = below;
      for (const c of top) read(c);
      let m = 0;
      return () => {
        m += 7;
        write(sources[0], m);
        for (const c of top) sink += read(c);
      };
    },
  };
}

const libs = {
  "query-engine": queryEngine,
  preact: () => signals(preactSignal, preactComputed, (s) => s.value, (s, v) => (s.value = v)),
  alien: () => signals(alienSignal, alienComputed, (s) => s(), (s, v) => s(v)),
};
const run = libs[lib]()[shape]();
const times = [];
const cpuTimes = [];
for (let i = 0; i < iterations; i++) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  run();
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
}
const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]?.toFixed(3);
console.log(`${lib} ${shape}: median ${median(times)} ms wall, ${median(cpuTimes)} ms CPU over ${iterations}`);
if (sink === 42) console.log("");
