/**
 * Differential property tests: random DAGs of queries over random inputs, random change
 * sequences. Every result must equal a from-scratch recomputation, and no query may run
 * when it could have been reused.
 *
 * "Could have been reused", precisely: every input and query carries a version that the
 * test (not the engine) bumps when its value changes: an input when it is set to a
 * different value (or its durability is lowered, which salsa also treats as a change), a
 * query when one of its runs returns a value not deep-equal to its previous run's (or a
 * lower durability, which blocks backdating as in salsa). A
 * query instance that ran before may run again only if the version of at least one
 * dependency it read in its previous run has moved since. So a query never runs when
 * none of its transitive inputs changed value, and early cutoff is checked too: a
 * dependency that re-ran but returned an equal value does not let its readers run.
 * Errors never compare equal (the engine does not backdate them), so a run that throws
 * always counts as a change; a run aborted by cancellation does not count as a run.
 *
 * Queries of kind "fail" throw on some values (their readers then fail too), and reads can
 * be cancelled midway through a computation; afterwards the results must still agree.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Cancelled,
  Database,
  Durability,
  deepEqual,
  type Input,
  type Query,
  type QueryContext,
} from "@sextant/query-engine";

type Ref = { readonly input: number } | { readonly query: number };
type Kind = "sum" | "max" | "cond" | "pair" | "fail";
interface QuerySpec {
  readonly kind: Kind;
  readonly deps: readonly Ref[];
}
type Op =
  | { readonly set: number; readonly value: number; readonly durability: number }
  | { readonly read: number; readonly cancelAfter?: number }
  | { readonly collect: number };

const graphArb = fc
  .record({
    inputs: fc.integer({ min: 1, max: 6 }),
    queries: fc.array(
      fc.record({
        kind: fc.constantFrom<Kind>("sum", "max", "cond", "pair", "fail"),
        picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    ops: fc.array(
      fc.oneof(
        fc.record({ set: fc.nat(), value: fc.integer({ min: 0, max: 3 }), durability: fc.integer({ min: 0, max: 2 }) }),
        fc.record({ read: fc.nat() }),
        fc.record({ read: fc.nat(), cancelAfter: fc.integer({ min: 1, max: 6 }) }),
        fc.record({ collect: fc.nat() }),
      ),
      { minLength: 1, maxLength: 40 },
    ),
  })
  .map(({ inputs, queries, ops }) => {
    const specs: QuerySpec[] = queries.map((q, j) => ({
      kind: q.kind,
      // Query j may read any input and any query before it, so the graph is a DAG.
      deps: q.picks.map((p): Ref => {
        const slot = p % (inputs + j);
        return slot < inputs ? { input: slot } : { query: slot - inputs };
      }),
    }));
    const normalized: Op[] = ops.map((op) =>
      "set" in op
        ? { set: op.set % inputs, value: op.value, durability: op.durability }
        : "read" in op
          ? { ...op, read: op.read % specs.length }
          : { collect: op.collect % specs.length },
    );
    return { inputs, specs, ops: normalized };
  });

/** The query semantics, shared by the engine run and the oracle; `read` returns a dependency's value. */
function evaluate(spec: QuerySpec, read: (ref: Ref) => number | readonly number[]): number | readonly number[] {
  const scalar = (v: number | readonly number[]) => (typeof v === "number" ? v : v.reduce((a, b) => a + b, 0));
  switch (spec.kind) {
    case "sum":
      return spec.deps.reduce((total, ref) => (total + scalar(read(ref))) % 5, 0);
    case "max":
      return spec.deps.reduce((best, ref) => Math.max(best, scalar(read(ref)) % 4), 0);
    case "cond": {
      // Dynamic dependencies: which later dependency is read depends on the first one.
      const first = scalar(read(spec.deps[0]!));
      const pick = spec.deps[1 + (first % Math.max(1, spec.deps.length - 1))] ?? spec.deps[0]!;
      return scalar(read(pick)) % 3;
    }
    case "pair":
      // A structural value: early cutoff must use deep equality.
      return [scalar(read(spec.deps[0]!)) % 2, spec.deps.length % 3];
    case "fail": {
      const first = scalar(read(spec.deps[0]!));
      if (first % 4 === 3) throw new RangeError(`fails on ${first}`);
      return first % 4;
    }
  }
}

/** How often the interesting paths were taken, so the test proves it exercised them. */
const coverage = { cancelled: 0, failed: 0, backdated: 0 };

type Outcome = { readonly value: number | readonly number[] } | { readonly error: string };

/** Runs `fn`, turning a thrown error (other than Cancelled) into an outcome. */
function outcomeOf(fn: () => number | readonly number[]): Outcome {
  try {
    return { value: fn() };
  } catch (error) {
    if (error instanceof Cancelled) throw error;
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/**
 * With `conditionalPushes`, queries whose number is a multiple of 3 push only while input 0
 * is odd (they read it first, so they re-run when it changes): pushing starts and stops
 * with edits, and some queries never push, which lets accumulator collection prune.
 */
function build(
  inputCount: number,
  specs: readonly QuerySpec[],
  options: { lru?: boolean; conditionalPushes?: boolean } = {},
) {
  const db = new Database({
    onEvent: (event) => {
      if (event.kind === "did-backdate") coverage.backdated++;
    },
  });
  const inputs: Input<number, number>[] = [];
  for (let i = 0; i < inputCount; i++) inputs.push(db.input<number, number>(`in${i}`));
  const current = new Map<number, number>();
  const collected = db.accumulator<number>("visited");
  const queries: Query<number, number | readonly number[]>[] = [];
  const violations: string[] = [];
  const executions: string[] = [];
  const lastReads = new Map<number, { ref: Ref; version: number }[]>();
  const inputVersions = new Map<number, number>();
  const inputDurabilities = new Map<number, number>();
  const queryVersions = new Map<number, number>();
  const lastValues = new Map<number, number | readonly number[] | undefined>();
  const queryDurabilities = new Map<number, number>();
  const versionOf = (ref: Ref) =>
    "input" in ref ? (inputVersions.get(ref.input) ?? 0) : (queryVersions.get(ref.query) ?? 0);
  /** Sets an input in the engine and in the oracle, bumping its version on a real change. */
  const setInput = (i: number, value: number, durability: number) => {
    const oldDurability = inputDurabilities.get(i) ?? 0;
    const changed = !current.has(i) || current.get(i) !== value || durability < oldDurability;
    if (changed) inputVersions.set(i, (inputVersions.get(i) ?? 0) + 1);
    inputDurabilities.set(i, changed ? durability : Math.max(durability, oldDurability));
    inputs[i]!.set(0, value, { durability: durability as Durability });
    current.set(i, value);
  };

  const oracle = (ref: Ref): number | readonly number[] =>
    "input" in ref ? current.get(ref.input)! : evaluate(specs[ref.query]!, oracle);

  const aborted = new Set<number>();
  let cancelCountdown = 0;
  specs.forEach((spec, j) => {
    queries.push(
      db.query<number, number | readonly number[]>(
        `q${j}`,
        (ctx: QueryContext) => {
          executions.push(`q${j}`);
          const previous = lastReads.get(j);
          if (
            previous !== undefined &&
            !options.lru &&
            !aborted.has(j) &&
            previous.every((r) => versionOf(r.ref) === r.version)
          ) {
            violations.push(`q${j} re-ran although nothing it read changed since its last run`);
          }
          const reads: { ref: Ref; version: number }[] = [];
          let durability = 2;
          if (options.conditionalPushes && j % 3 === 0) {
            const switchValue = ctx.get(inputs[0]!, 0);
            reads.push({ ref: { input: 0 }, version: versionOf({ input: 0 }) });
            durability = Math.min(durability, inputDurabilities.get(0)!);
            if (switchValue % 2 === 1) ctx.push(collected, j);
          } else {
            ctx.push(collected, j);
          }
          let value: number | readonly number[] | undefined;
          let failed = false;
          try {
            value = evaluate(spec, (ref) => {
              if (cancelCountdown > 0 && --cancelCountdown === 0) db.cancellationFlag.requestCancellation();
              try {
                return "input" in ref ? ctx.get(inputs[ref.input]!, 0) : ctx.get(queries[ref.query]!, 0);
              } finally {
                // After the read brought the dependency up to date; also when it threw (a
                // failing dependency is still a dependency).
                reads.push({ ref, version: versionOf(ref) });
                durability = Math.min(
                  durability,
                  "input" in ref ? inputDurabilities.get(ref.input)! : queryDurabilities.get(ref.query)!,
                );
              }
            });
            return value;
          } catch (error) {
            if (error instanceof Cancelled) {
              aborted.add(j);
              throw error;
            }
            failed = true;
            coverage.failed++;
            throw error;
          } finally {
            if (!aborted.has(j) || value !== undefined || failed) {
              aborted.delete(j);
              lastReads.set(j, reads);
              // A lower durability blocks early cutoff (as in salsa), so it counts as a
              // change; so does any error (errors are never backdated).
              if (
                failed ||
                !lastValues.has(j) ||
                !deepEqual(lastValues.get(j), value) ||
                durability < queryDurabilities.get(j)!
              ) {
                queryVersions.set(j, (queryVersions.get(j) ?? 0) + 1);
              }
              lastValues.set(j, failed ? undefined : value);
              queryDurabilities.set(j, durability);
            }
          }
        },
        options.lru ? { lru: 1 + (j % 2) } : {},
      ),
    );
  });
  const armCancellation = (afterReads: number) => {
    cancelCountdown = afterReads;
  };

  /** Preorder, first-visit order of query instances actually read (what accumulated returns). */
  const oracleCollect = (j: number): number[] => {
    const seen = new Set<number>();
    const out: number[] = [];
    const visit = (q: number) => {
      if (seen.has(q)) return;
      seen.add(q);
      if (!options.conditionalPushes || q % 3 !== 0 || current.get(0)! % 2 === 1) out.push(q);
      const spec = specs[q]!;
      // A failing dependency stops the evaluation where the engine's run stopped too.
      outcomeOf(() =>
        evaluate(spec, (ref) => {
          if ("query" in ref) visit(ref.query);
          return oracle(ref);
        }),
      );
    };
    visit(j);
    return out;
  };
  /** Reads query `j` through the engine, as an outcome. */
  const read = (j: number): Outcome => outcomeOf(() => db.get(queries[j]!, 0));
  const expected = (j: number): Outcome => outcomeOf(() => oracle({ query: j }));
  return {
    db,
    inputs,
    queries,
    current,
    collected,
    oracle,
    oracleCollect,
    violations,
    executions,
    setInput,
    read,
    expected,
    armCancellation,
  };
}

/** One generated graph and change sequence. */
type Scenario = typeof graphArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * Replays one generated change sequence on `t`, checking every read and collect against the
 * oracle, then that every query agrees with it and a second pass re-runs nothing.
 */
function replayAndCheck(t: ReturnType<typeof build>, { specs, ops }: Scenario): void {
    for (const op of ops) {
      if ("set" in op) {
        t.setInput(op.set, op.value, op.durability);
      } else if ("read" in op) {
        if (op.cancelAfter !== undefined) {
          t.armCancellation(op.cancelAfter);
          try {
            // Either it finished before the cancellation point (then it must be right)...
            expect(t.read(op.read)).toEqual(t.expected(op.read));
          } catch (error) {
            // ...or it was cancelled, and nothing wrong may have been memoized.
            if (!(error instanceof Cancelled)) throw error;
            coverage.cancelled++;
          }
          t.armCancellation(0);
          if (t.db.cancellationFlag.pending > 0) t.db.cancellationFlag.acknowledge();
        }
        expect(t.read(op.read)).toEqual(t.expected(op.read));
      } else {
        expect(t.db.accumulated(t.queries[op.collect]!, 0, t.collected)).toEqual(t.oracleCollect(op.collect));
      }
      expect(t.violations).toEqual([]);
    }
    // Finally every query agrees with the oracle, and a second pass runs nothing.
    specs.forEach((_, j) => expect(t.read(j)).toEqual(t.expected(j)));
    t.executions.length = 0;
    specs.forEach((_, j) => t.read(j));
    expect(t.executions).toEqual([]);
}

describe("differential property: random DAGs and change sequences", () => {
  it("results equal a from-scratch recomputation and nothing reusable re-runs", () => {
    fc.assert(
      fc.property(graphArb, ({ inputs: inputCount, specs, ops }) => {
        const t = build(inputCount, specs);
        for (let i = 0; i < inputCount; i++) t.setInput(i, 0, 0);
        replayAndCheck(t, { inputs: inputCount, specs, ops });
      }),
      { numRuns: Number(process.env.QE_PROPERTY_RUNS ?? 300), seed: Number(process.env.QE_PROPERTY_SEED ?? 20261123) },
    );
    expect(coverage.cancelled).toBeGreaterThan(10);
    expect(coverage.failed).toBeGreaterThan(10);
    expect(coverage.backdated).toBeGreaterThan(10);
  });

  it("collects what the oracle collects while queries start and stop pushing", () => {
    fc.assert(
      fc.property(graphArb, ({ inputs: inputCount, specs, ops }) => {
        const t = build(inputCount, specs, { conditionalPushes: true });
        for (let i = 0; i < inputCount; i++) t.setInput(i, 0, 0);
        replayAndCheck(t, { inputs: inputCount, specs, ops });
      }),
      { numRuns: Number(process.env.QE_PROPERTY_RUNS ?? 200), seed: Number(process.env.QE_PROPERTY_SEED ?? 5) },
    );
  });

  it("stays correct under LRU eviction and sweeps", () => {
    fc.assert(
      fc.property(graphArb, fc.array(fc.nat(), { maxLength: 5 }), ({ inputs: inputCount, specs, ops }, sweeps) => {
        const t = build(inputCount, specs, { lru: true });
        for (let i = 0; i < inputCount; i++) {
          t.inputs[i]!.set(0, 1);
          t.current.set(i, 1);
        }
        ops.forEach((op, step) => {
          if (sweeps.includes(step)) t.db.sweep({ unusedSince: t.db.revision - (step % 3) });
          if ("set" in op) {
            t.inputs[op.set]!.set(0, op.value, { durability: op.durability as Durability });
            t.current.set(op.set, op.value);
          } else if ("read" in op) {
            expect(t.read(op.read)).toEqual(t.expected(op.read));
          } else {
            expect(t.db.accumulated(t.queries[op.collect]!, 0, t.collected)).toEqual(t.oracleCollect(op.collect));
          }
        });
        specs.forEach((_, j) => expect(t.read(j)).toEqual(t.expected(j)));
      }),
      { numRuns: Number(process.env.QE_PROPERTY_RUNS ?? 200), seed: Number(process.env.QE_PROPERTY_SEED ?? 7) },
    );
  });
});

describe("property: fixpoint reachability over random cyclic graphs", () => {
  it("matches a from-scratch reachability after every change", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.nat(), fc.array(fc.nat(), { maxLength: 3 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })), {
          minLength: 1,
          maxLength: 25,
        }),
        (nodes, steps) => {
          const db = new Database();
          const edges = db.input<number, readonly number[]>("edges");
          const reach: Query<number, readonly number[]> = db.query<number, readonly number[]>(
            "reach",
            (ctx, n) => {
              const found = new Set([n]);
              for (const next of ctx.get(edges, n)) for (const r of ctx.get(reach, next)) found.add(r);
              return [...found].sort((a, b) => a - b);
            },
            { cycle: { initial: () => [] } },
          );
          const graph = new Map<number, number[]>();
          for (let n = 0; n < nodes; n++) {
            graph.set(n, []);
            edges.set(n, []);
          }
          const expected = (n: number) => {
            const seen = new Set<number>([n]);
            const todo = [n];
            while (todo.length > 0) for (const m of graph.get(todo.pop()!)!) if (!seen.has(m)) (seen.add(m), todo.push(m));
            return [...seen].sort((a, b) => a - b);
          };
          for (const [node, targets, probes] of steps) {
            const from = node % nodes;
            const to = targets.map((t) => t % nodes);
            graph.set(from, to);
            edges.set(from, to);
            // Every node has recovery, so a cycle may be entered through any of them.
            for (const probe of probes) expect(db.get(reach, probe % nodes)).toEqual(expected(probe % nodes));
          }
        },
      ),
      { numRuns: Number(process.env.QE_PROPERTY_RUNS ?? 200), seed: Number(process.env.QE_PROPERTY_SEED ?? 99) },
    );
  });
});
