// The graph shapes of the benchmarks, one builder per library, shared by run.mjs (the
// table) and focus.mjs (one shape at a time, for profilers). Each builder sets a graph up
// and returns the timed step as a closure; results go to `sink` so no read is optimised away.
// The two signal libraries are written out each in its own idiom (`s()` vs `s.value`) rather
// than through shared read/write callbacks: an extra call per read would be part of what is timed.
import { computed as alienComputed, signal as alienSignal } from "alien-signals";
import { computed as preactComputed, signal as preactSignal } from "@preact/signals-core";

/** Sum of every value the shapes read; print it conditionally so the reads stay observable. */
export let sink = 0;

/** The shape builders per library, over `Database` from the query-engine build under test. */
export function createEngines(Database) {
  return {
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
}
