import { Accumulator, collectAccumulated } from "./accumulator.js";
import { CancellationFlag } from "./cancellation.js";
import { Frame, type Readable } from "./context.js";
import { deepEqual } from "./deep-equal.js";
import { DURABILITY_LEVELS, checkDurability, type Durability } from "./durability.js";
import {
  Cancelled,
  CycleError,
  MissingInputError,
  UsageError,
  describeKey,
  type CycleParticipant,
} from "./errors.js";
import type { EngineEvent, EngineEventKind, EngineListener } from "./events.js";
import { Input, type InputOptions } from "./input.js";
import { lruInsert, lruRemove, lruTouch } from "./lru.js";
import { Interner } from "./interner.js";
import type { Key } from "./key.js";
import { Query, type QueryFunction, type QueryOptions } from "./query.js";
import { QueryGraph } from "./query-graph.js";
import {
  COMPUTING,
  CYCLE_HIT,
  DROPPED,
  HAS_ERROR,
  HAS_PROVISIONAL,
  HAS_READERS,
  HAS_RESULT,
  HAS_VALUE,
  IN_CYCLE,
  IN_LRU,
  IS_INPUT,
  PROVISIONAL,
  VERIFYING,
  type Slot,
} from "./slot.js";
import {
  CHANGED_AT,
  CHUNK_BITS,
  CHUNK_MASK,
  DEP0,
  DEP_COUNT,
  DURABILITY,
  FLAGS,
  RECORD,
  REST_START,
  SlotStore,
  VERIFIED_AT,
} from "./slot-store.js";
import { Snapshot } from "./snapshot.js";
import { collectStats, type DatabaseStats } from "./stats.js";

/** Options of `new Database(...)`. */
export interface DatabaseOptions {
  /** Listener for engine events (same as calling `db.on`). Defaults to none. */
  readonly onEvent?: EngineListener;
  /**
   * Cross-thread cancellation flag, e.g. one whose buffer the main thread created and
   * posted to this worker. Defaults to a new flag on fresh shared memory.
   */
  readonly cancellationFlag?: CancellationFlag;
}

/** Options of `Database.sweep`. */
export interface SweepOptions {
  /** Memos not read or verified at or after this revision are dropped. */
  readonly unusedSince: number;
}

/** Default bound on fixpoint iterations. */
const DEFAULT_MAX_ITERATIONS = 100;

/**
 * The incremental database: owns inputs, derived queries and their memos, and the
 * current revision. All computation is synchronous and single-threaded; another thread
 * can only cancel it through `cancellationFlag`.
 */
export class Database {
  /** Cross-thread cancellation flag; post `cancellationFlag.buffer` to the thread that writes. */
  readonly cancellationFlag: CancellationFlag;

  /** @internal Verification state of every slot, by slot id. */
  readonly slotStore = new SlotStore();
  /** @internal Which queries read which, and which pushed (prunes accumulator collection). */
  readonly queryGraph = new QueryGraph();
  private rev = 1;
  /** Per durability level d: last revision in which an input of durability >= d changed. */
  private readonly lastChanged: number[] = new Array<number>(DURABILITY_LEVELS).fill(0);
  /** The innermost running query, or null at top level. */
  private active: Frame | null = null;
  private frameIds = 0;
  /** Depth of top-level operations that may run user code (set() is refused meanwhile). */
  private busy = 0;
  private readonly listeners: EngineListener[] = [];
  private readonly owners = new Map<string, Input<Key, unknown> | Query<Key, unknown>>();
  private readonly cancelCells: Int32Array;
  /** Explicit stack of slot ids for deep verification (shared by nested verifications, each above its base). */
  private readonly verifyStack: number[] = [];
  private readonly verifyIndex: number[] = [];
  /**
   * Dependencies of the running executions, innermost on top: each frame owns the
   * entries from its `depsStart`. One shared stack means no growing array per execution.
   */
  private readonly depStack: Slot[] = [];

  constructor(options: DatabaseOptions = {}) {
    // `?.`: a JavaScript caller's `null` means no options, like `undefined`.
    this.cancellationFlag = options?.cancellationFlag ?? new CancellationFlag();
    this.cancelCells = new Int32Array(this.cancellationFlag.buffer, 0, 1);
    if (options?.onEvent !== undefined) this.listeners.push(options.onEvent);
  }

  /** The current revision; it grows by one with every effective input change. */
  get revision(): number {
    return this.rev;
  }

  // ---------------------------------------------------------------- definitions

  /** Defines a keyed input. Names must be unique within the database. */
  input<K extends Key, V>(name: string, options: InputOptions<V> = {}): Input<K, V> {
    const input = new Input<K, V>(this, name, options);
    this.register(input as unknown as Input<Key, unknown>);
    return input;
  }

  /** Defines a derived query memoized per key. Names must be unique within the database. */
  query<K extends Key, V>(name: string, fn: QueryFunction<K, V>, options: QueryOptions<K, V> = {}): Query<K, V> {
    const query = new Query<K, V>(this, name, fn, options);
    this.register(query as unknown as Query<Key, unknown>);
    this.queryGraph.add(query);
    return query;
  }

  /** Defines an accumulator (a side output channel such as diagnostics). */
  accumulator<T>(name: string): Accumulator<T> {
    return new Accumulator<T>(name, this);
  }

  /** Creates an interner that gives structurally equal values the same small id. */
  interner<T>(name: string): Interner<T> {
    return new Interner<T>(name);
  }

  private register(owner: Input<Key, unknown> | Query<Key, unknown>): void {
    if (this.owners.has(owner.name)) throw new UsageError(`An input or query named "${owner.name}" already exists`);
    this.owners.set(owner.name, owner);
  }

  // ---------------------------------------------------------------- reads

  /**
   * Reads an input or query at the current revision from outside any query. Inside a
   * query use `ctx.get`, which records the dependency.
   */
  get<K extends Key, V>(source: Readable<K, V>, key: K): V {
    const slot = source.table.slot(key);
    // Hot path: a memo already read at top level in this revision (see `Slot.hitRevision`),
    // outside any query. Kept tiny so engines inline it; everything else (inputs,
    // verification, cancellation) is in getSlow.
    if (slot.hitRevision === this.rev && this.active === null) return slot.value as V;
    return this.getSlow(source, slot) as V;
  }

  private getSlow(source: Readable<Key, unknown>, slot: Slot): unknown {
    if (this.active !== null) throw this.nestedTopLevelRead(source.name);
    if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
    if (slot.isInput) return this.inputValue(slot);
    if (slot.verifiedAt === this.rev && slot.flags & HAS_VALUE) {
      lruTouch(source as Query<Key, unknown>, slot);
      return slot.value;
    }
    this.busy++;
    let value: unknown;
    try {
      value = this.fetchSlow(slot);
    } finally {
      this.busy--;
    }
    // A plain memo (no error, not provisional, not under an LRU capacity) that is now up
    // to date: later top-level reads in this revision take the hot path.
    if ((slot.flags & (HAS_RESULT | PROVISIONAL | IN_LRU)) === HAS_VALUE && slot.verifiedAt === this.rev) {
      slot.hitRevision = this.rev;
    }
    return value;
  }

  /** @internal `ctx.get`: reads and records `slot` as a dependency of `frame`. */
  read<K extends Key, V>(frame: Frame, source: Readable<K, V>, key: K): V {
    if (this.active !== frame) throw this.staleContext(frame);
    const slot = source.table.slot(key);
    if (slot.depMark !== frame.id) {
      slot.depMark = frame.id;
      this.depStack.push(slot);
    }
    const meta = slot.meta;
    const at = slot.at;
    const flags = meta[at + FLAGS]!;
    if (flags & IS_INPUT) {
      // Cancellation is checked at input reads, executions and verifications (not at
      // memo hits, which do no work worth interrupting).
      if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
      const durability = meta[at + DURABILITY]!;
      if (durability < frame.durability) frame.durability = durability;
      meta[at + FLAGS] = flags | HAS_READERS;
      if (flags & HAS_VALUE) return slot.value as V;
      throw new MissingInputError(slot.owner.name, slot.key);
    }
    if (meta[at + VERIFIED_AT] === this.rev && (flags & (HAS_VALUE | PROVISIONAL)) === HAS_VALUE) {
      if (flags & IN_LRU) lruTouch(source as Query<Key, unknown>, slot);
      const durability = meta[at + DURABILITY]!;
      if (durability < frame.durability) frame.durability = durability;
      return slot.value as V;
    }
    try {
      return this.fetchSlow(slot) as V;
    } finally {
      if (slot.durability < frame.durability) frame.durability = slot.durability;
      if (slot.flags & PROVISIONAL && slot.cycleHeads !== null) for (const head of slot.cycleHeads) frame.taint(head);
    }
  }

  /** True when `key` of `input` currently has a value. */
  hasInput(input: Input<Key, unknown>, key: unknown): boolean {
    const slot = input.table.find(key);
    return slot !== undefined && (slot.flags & HAS_VALUE) !== 0;
  }

  private inputValue(slot: Slot): unknown {
    if (slot.flags & HAS_VALUE) return slot.value;
    throw new MissingInputError(slot.owner.name, slot.key);
  }

  /**
   * Brings a memo up to date and returns its value (or throws its memoized error).
   * Order: never executed → execute; verified this revision → reuse; durability says
   * nothing it read can have changed → reuse; deep verification finds every dependency
   * unchanged → reuse; otherwise execute (with backdating).
   */
  private fetchSlow(slot: Slot): unknown {
    const meta = slot.meta;
    const at = slot.at;
    const flags = meta[at + FLAGS]!;
    if (flags & COMPUTING) return this.reenter(slot);
    if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
    const rev = this.rev;
    if (meta[at + DEP_COUNT]! < 0 || flags & VERIFYING) {
      // VERIFYING: a verification further down the stack has not settled this memo yet
      // and a re-run it triggered reads it (a cycle that formed in this revision). Running
      // it now is always correct; the pending verification notices it was settled.
      this.execute(slot, false);
    } else if (meta[at + VERIFIED_AT] !== rev) {
      if (flags & IN_CYCLE) {
        this.settleCycle(slot.cycleHead ?? slot);
        // A former member that the head's new run no longer reaches runs on its own.
        if (meta[at + VERIFIED_AT] !== rev) this.execute(slot, false);
      } else if (this.lastChanged[meta[at + DURABILITY]!]! <= meta[at + VERIFIED_AT]!) {
        meta[at + VERIFIED_AT] = rev;
        if (this.listeners.length > 0) this.emit("did-reuse", slot);
      } else if (!this.verifyShallowly(slot)) {
        this.execute(slot, false);
      }
      // A memo verified without its value (LRU-evicted) re-runs but keeps its changedAt:
      // its inputs are unchanged, so the recomputed value is the same.
      if (!(meta[at + FLAGS]! & HAS_RESULT)) this.execute(slot, true);
    } else if (!(flags & HAS_RESULT)) {
      this.execute(slot, true);
    } else if (flags & IN_LRU) {
      lruTouch(slot.owner as Query<Key, unknown>, slot);
    }
    if (meta[at + FLAGS]! & HAS_ERROR) throw slot.value;
    return slot.value;
  }

  /** A read reached a query that is already running (or being verified): a cycle. */
  private reenter(slot: Slot): unknown {
    const query = slot.owner as Query<Key, unknown>;
    const participants = this.cycleParticipants(slot);
    if (this.listeners.length > 0) this.emit("cycle", slot);
    const recovery = query.cycle;
    if (recovery === undefined || !(slot.flags & COMPUTING) || this.active === null) {
      throw new CycleError(participants);
    }
    slot.flags |= CYCLE_HIT;
    if (!(slot.flags & HAS_PROVISIONAL)) {
      slot.provisional = recovery.initial(slot.key);
      slot.flags |= HAS_PROVISIONAL;
      slot.cycleMembers ??= [];
    }
    this.active.taint(slot);
    return slot.provisional;
  }

  /** The queries from the re-entered `slot` to the innermost running query. */
  private cycleParticipants(slot: Slot): CycleParticipant[] {
    const path: CycleParticipant[] = [];
    for (let frame = this.active; frame !== null; frame = frame.parent) {
      path.push({ query: frame.slot.owner.name, key: frame.slot.key });
      if (frame.slot === slot) break;
    }
    if (path.length === 0 || path[path.length - 1]!.query !== slot.owner.name) {
      path.push({ query: slot.owner.name, key: slot.key });
    }
    return path.reverse();
  }

  // ---------------------------------------------------------------- execution

  /**
   * Runs the query function of `slot` and stores the result. An error thrown by the
   * function is memoized like a value (except `Cancelled`, which leaves the slot as it
   * was). With fixpoint recovery, re-runs until the result equals the provisional value.
   */
  private execute(slot: Slot, keepChangedAt: boolean): void {
    if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
    slot.hitRevision = 0;
    const query = slot.owner as Query<Key, unknown>;
    const rev = this.rev;
    if (this.listeners.length > 0) this.emit("will-execute", slot);
    // Members of this head's previous fixpoint were verified on the assumption that the
    // head is unchanged; now that it re-runs they must re-run too.
    if (slot.extra !== null && slot.extra.cycleMembers !== null) this.invalidateMembers(slot);
    let iterations = 0;
    let frame: Frame;
    let value: unknown;
    let threw: boolean;
    let hadCycle = false;
    const meta = slot.meta;
    const at = slot.at;
    for (;;) {
      iterations++;
      frame = new Frame(this, slot, ++this.frameIds, this.active, this.depStack.length);
      meta[at + FLAGS] = meta[at + FLAGS]! | COMPUTING;
      this.active = frame;
      threw = false;
      try {
        value = query.fn(frame, slot.key);
      } catch (error) {
        if (error instanceof Cancelled || isStackOverflow(error)) {
          // Neither is a property of the query: a stack overflow depends on how deep the
          // caller already was, so it must not be memoized (a retry from a shallower
          // starting point can succeed).
          frame.done = true;
          this.active = frame.parent;
          this.truncateDeps(frame.depsStart);
          if (slot.flags & HAS_PROVISIONAL) this.invalidateMembers(slot);
          slot.flags &= ~(COMPUTING | CYCLE_HIT | HAS_PROVISIONAL);
          slot.provisional = undefined;
          throw error;
        }
        value = error;
        threw = true;
      } finally {
        frame.done = true;
        this.active = frame.parent;
        meta[at + FLAGS] = meta[at + FLAGS]! & ~COMPUTING;
      }
      if (!(meta[at + FLAGS]! & CYCLE_HIT)) break;
      // This query is the head of a fixpoint cycle.
      hadCycle = true;
      slot.flags &= ~CYCLE_HIT;
      if (threw) break;
      if (this.safeEquals(query.equals, slot.provisional, value)) break;
      const max = query.cycle?.maxIterations ?? DEFAULT_MAX_ITERATIONS;
      if (iterations >= max) {
        value = new CycleError(
          [{ query: query.name, key: slot.key }],
          `Fixpoint of ${query.name}(${describeKey(slot.key)}) did not converge after ${iterations} iterations`,
        );
        threw = true;
        break;
      }
      slot.provisional = value;
      this.truncateDeps(frame.depsStart);
      this.invalidateMembers(slot);
      if (this.listeners.length > 0) this.emit("fixpoint-iteration", slot);
    }
    if (hadCycle) {
      if (threw) this.invalidateMembers(slot);
      else this.finalizeMembers(slot, frame!.taintHeads);
    }
    const flags = meta[at + FLAGS]!;
    if (flags & HAS_PROVISIONAL) {
      slot.provisional = undefined;
      meta[at + FLAGS] = flags & ~HAS_PROVISIONAL;
    }

    const durability = frame.durability;
    this.storeDeps(slot, frame.depsStart);
    if (frame.pushes !== null || (slot.extra !== null && slot.extra.pushes !== null)) slot.pushes = frame.pushes;
    if (
      !threw &&
      flags & HAS_VALUE &&
      durability >= meta[at + DURABILITY]! &&
      this.safeEquals(query.equals, slot.value, value)
    ) {
      // Early cutoff: keep the old value (and its identity) and its changedAt.
      if (this.listeners.length > 0) this.emit("did-backdate", slot);
    } else {
      slot.value = value;
      meta[at + FLAGS] = (meta[at + FLAGS]! & ~HAS_RESULT) | (threw ? HAS_ERROR : HAS_VALUE);
      if (!keepChangedAt || meta[at + CHANGED_AT] === 0) meta[at + CHANGED_AT] = rev;
    }
    meta[at + DURABILITY] = durability;
    meta[at + VERIFIED_AT] = rev;
    const heads = frame.taintHeads;
    if (heads !== null) {
      // Computed from provisional values: re-run on every iteration of those heads.
      slot.flags |= PROVISIONAL;
      slot.cycleHeads = heads;
      slot.cycleHead = null;
      for (const head of heads) (head.cycleMembers ??= []).push(slot);
    } else if (hadCycle && !threw) {
      slot.flags |= IN_CYCLE;
      slot.cycleHead = null;
    } else {
      meta[at + FLAGS] = meta[at + FLAGS]! & ~IN_CYCLE;
      const extra = slot.extra;
      if (extra !== null) {
        extra.cycleHead = null;
        if (!hadCycle) extra.cycleMembers = null;
      }
    }
    if (query.lru > 0) lruInsert(query, slot, this.evictValue);
  }

  /**
   * Moves an execution's dependencies from the shared stack into `slot`: two inline, the
   * rest in an array that is reused when it holds exactly the same slots (the common case
   * on re-runs).
   */
  private storeDeps(slot: Slot, start: number): void {
    const stack = this.depStack;
    const count = stack.length - start;
    // Query-level edges for accumulator collection: one bit test per memo dependency.
    const reader = slot.owner as Query<Key, unknown>;
    const words = reader.readWords;
    for (let i = start; i < stack.length; i++) {
      const owner = stack[i]!.owner;
      if (owner.isInput) continue;
      const index = (owner as Query<Key, unknown>).graphIndex;
      if (((words[index >> 5] ?? 0) & (1 << (index & 31))) === 0) this.queryGraph.addRead(reader, index);
    }
    slot.dep0 = count > 0 ? stack[start]! : null;
    slot.dep1 = count > 1 ? stack[start + 1]! : null;
    if (count > 2) {
      const rest = slot.depsRest;
      let same = rest !== null && rest.length === count - 2;
      for (let i = 0; same && i < count - 2; i++) same = rest![i] === stack[start + 2 + i];
      if (!same) slot.depsRest = stack.slice(start + 2);
    } else {
      slot.depsRest = null;
    }
    this.slotStore.setEdges(slot, stack, start, count);
    this.truncateDeps(start);
  }

  /** Drops the dependency stack back to `start` (pops: setting `length` is a slow builtin). */
  private truncateDeps(start: number): void {
    const stack = this.depStack;
    while (stack.length > start) stack.pop();
  }

  /** Forgets the provisional results of a fixpoint's members so they re-run. */
  private invalidateMembers(head: Slot): void {
    const members = head.cycleMembers;
    if (members === null) return;
    for (const member of members) {
      member.hitRevision = 0;
      member.flags &= ~(PROVISIONAL | HAS_RESULT | IN_CYCLE);
      member.value = undefined;
      member.clearDeps();
      member.verifiedAt = 0;
      member.cycleHead = null;
      member.cycleHeads = null;
    }
    members.length = 0;
  }

  /**
   * The fixpoint of `head` converged: its members' values are final, unless the head
   * itself read the provisional value of an outer head that is still iterating
   * (`outerHeads`); then the members stay provisional and belong to those heads too.
   */
  private finalizeMembers(head: Slot, outerHeads: readonly Slot[] | null): void {
    for (const member of head.cycleMembers ?? []) {
      const heads = member.cycleHeads;
      if (heads !== null) {
        const at = heads.indexOf(head);
        if (at >= 0) heads.splice(at, 1);
        if (outerHeads !== null) {
          for (const outer of outerHeads) {
            if (outer === member || heads.includes(outer)) continue;
            heads.push(outer);
            (outer.cycleMembers ??= []).push(member);
          }
        }
        // Still provisional while another (outer) head it depends on keeps iterating.
        if (heads.length > 0) continue;
      }
      member.cycleHeads = null;
      member.flags = (member.flags & ~PROVISIONAL) | IN_CYCLE;
      member.cycleHead = head;
    }
  }

  private safeEquals(equals: ((a: unknown, b: unknown) => boolean) | undefined, a: unknown, b: unknown): boolean {
    try {
      return (equals ?? deepEqual)(a, b);
    } catch {
      // A throwing equality cannot prove equality; treating the value as changed is safe.
      return false;
    }
  }

  // ---------------------------------------------------------------- verification

  /**
   * Verification for the common memo that read only inputs (a parse of a file's text):
   * one pass over its dependencies, no stack. Falls back to `verifyDeep` as soon as it
   * meets a memo dependency. Returns true when nothing it read has changed.
   */
  private verifyShallowly(slot: Slot): boolean {
    const store = this.slotStore;
    const chunks = store.chunks;
    const edges = store.edges;
    const meta = slot.meta;
    const at = slot.at;
    const count = meta[at + DEP_COUNT]!;
    const verifiedAt = meta[at + VERIFIED_AT]!;
    const restStart = meta[at + REST_START]! - 2;
    for (let i = 0; i < count; i++) {
      const depId = i < 2 ? meta[at + DEP0 + i]! : edges[restStart + i]!;
      const depMeta = chunks[depId >> CHUNK_BITS]!;
      const dep = (depId & CHUNK_MASK) * RECORD;
      if (!(depMeta[dep + FLAGS]! & IS_INPUT)) return this.verifyDeep(slot);
      if (depMeta[dep + CHANGED_AT]! > verifiedAt) return false;
    }
    meta[at + VERIFIED_AT] = this.rev;
    if (this.listeners.length > 0) this.emit("did-reuse", slot);
    return true;
  }

  /**
   * Red-green verification of `root` (a memo not verified this revision), iteratively with
   * an explicit stack so dependency chains of any depth cannot overflow the call stack.
   * A dependency memo that is stale is re-executed on the spot (and may backdate); `root`
   * itself is never executed here. Returns true when nothing `root` read has changed.
   */
  private verifyDeep(root: Slot): boolean {
    // The walk works on slot ids and the store's packed records, touching slot objects
    // only to execute a memo or to emit an event. Anything that runs user code (execute,
    // listeners) may store new edges and so replace `edges`: it is re-read after each
    // such call (record chunks never move).
    const store = this.slotStore;
    const slots = store.slots;
    const chunks = store.chunks;
    const stack = this.verifyStack;
    const index = this.verifyIndex;
    const base = stack.length;
    const rev = this.rev;
    const lastChanged = this.lastChanged;
    let edges = store.edges;
    stack.push(root.id);
    index.push(0);
    root.flags |= VERIFYING;
    try {
      while (stack.length > base) {
        const top = stack.length - 1;
        const nodeId = stack[top]!;
        const nodeMeta = chunks[nodeId >> CHUNK_BITS]!;
        const node = (nodeId & CHUNK_MASK) * RECORD;
        if (nodeMeta[node + VERIFIED_AT] === rev) {
          // Settled meanwhile by a nested execution (see fetchSlow): pass its result up.
          stack.pop();
          index.pop();
          nodeMeta[node + FLAGS] = nodeMeta[node + FLAGS]! & ~VERIFYING;
          if (stack.length === base) return true;
          const parentTop = stack.length - 1;
          const parentId = stack[parentTop]!;
          const parentVerifiedAt = chunks[parentId >> CHUNK_BITS]![(parentId & CHUNK_MASK) * RECORD + VERIFIED_AT]!;
          index[parentTop] = changedSince(nodeMeta, node, parentVerifiedAt) ? -1 : index[parentTop]! + 1;
          continue;
        }
        let i = index[top]!;
        // 0 = every dependency unchanged, 1 = something changed, 2 = descended into a dependency.
        let outcome = i < 0 ? 1 : 0;
        const verifiedAt = nodeMeta[node + VERIFIED_AT]!;
        for (; outcome === 0 && i < nodeMeta[node + DEP_COUNT]!; i++) {
          const depId = i < 2 ? nodeMeta[node + DEP0 + i]! : edges[nodeMeta[node + REST_START]! + i - 2]!;
          const depMeta = chunks[depId >> CHUNK_BITS]!;
          const dep = (depId & CHUNK_MASK) * RECORD;
          const depFlags = depMeta[dep + FLAGS]!;
          if (!(depFlags & IS_INPUT) && depMeta[dep + VERIFIED_AT] !== rev) {
            if (depFlags & IN_CYCLE) {
              // Fixpoint participants are verified as one unit, through their head.
              const refreshed = this.refreshDependency(slots[depId]!);
              edges = store.edges;
              if (!refreshed) {
                outcome = 1;
                break;
              }
              if (nodeMeta[node + VERIFIED_AT] === rev) {
                // Settled (and its dependencies replaced) by a nested run: resume at the top.
                outcome = 2;
                break;
              }
            } else if (depFlags & (VERIFYING | COMPUTING | DROPPED) || depMeta[dep + DEP_COUNT]! < 0) {
              // VERIFYING: a cycle through a slot whose verification has not settled; its
              // state is unknown, so treat it as changed (re-running is always correct).
              outcome = 1;
              break;
            } else if (lastChanged[depMeta[dep + DURABILITY]!]! <= depMeta[dep + VERIFIED_AT]!) {
              depMeta[dep + VERIFIED_AT] = rev;
            } else {
              // A long verification is interruptible too: one check per memo descended into.
              if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
              index[top] = i;
              stack.push(depId);
              index.push(0);
              depMeta[dep + FLAGS] = depFlags | VERIFYING;
              outcome = 2;
              break;
            }
          }
          if (changedSince(depMeta, dep, verifiedAt)) outcome = 1;
        }
        if (outcome === 2) continue;
        stack.pop();
        index.pop();
        nodeMeta[node + FLAGS] = nodeMeta[node + FLAGS]! & ~VERIFYING;
        if (outcome === 0) {
          nodeMeta[node + VERIFIED_AT] = rev;
          if (this.listeners.length > 0) {
            this.emit("did-reuse", slots[nodeId]!);
            edges = store.edges;
          }
          if (stack.length === base) return true;
        } else if (nodeMeta[node + VERIFIED_AT] !== rev) {
          if (stack.length === base) return false;
          this.execute(slots[nodeId]!, false);
          edges = store.edges;
        } else if (stack.length === base) {
          return true;
        }
        const parentTop = stack.length - 1;
        const parentId = stack[parentTop]!;
        const parentVerifiedAt = chunks[parentId >> CHUNK_BITS]![(parentId & CHUNK_MASK) * RECORD + VERIFIED_AT]!;
        index[parentTop] = changedSince(nodeMeta, node, parentVerifiedAt) ? -1 : index[parentTop]! + 1;
      }
      return true;
    } finally {
      // Only reached with entries above base when an exception (e.g. Cancelled) unwinds.
      while (stack.length > base) {
        slots[stack.pop()!]!.flags &= ~VERIFYING;
        index.pop();
      }
    }
  }

  /**
   * Brings a memo that is a dependency of something being verified up to date (verifying
   * or re-running it). Returns false when its state cannot be known right now (it is
   * running or being verified: a cycle), in which case the reader must re-run.
   */
  private refreshDependency(dep: Slot): boolean {
    const rev = this.rev;
    if (dep.verifiedAt === rev) return true;
    const flags = dep.flags;
    if (flags & (COMPUTING | VERIFYING | DROPPED) || dep.depCount < 0) return false;
    if (flags & IN_CYCLE) {
      this.settleCycle(dep.cycleHead ?? dep);
      return dep.verifiedAt === rev;
    }
    if (this.lastChanged[dep.durability]! <= dep.verifiedAt) dep.verifiedAt = rev;
    else if (!this.verifyDeep(dep)) this.execute(dep, false);
    return true;
  }

  /**
   * Verifies a fixpoint (its head and the members of its last run) as one unit: the
   * members' values were computed together, so piecemeal verification could trust a
   * member whose head is about to change. If any dependency from outside the cycle
   * changed, the head re-runs (which re-runs the members it still needs).
   */
  private settleCycle(head: Slot): void {
    const rev = this.rev;
    if (head.verifiedAt === rev || head.flags & (COMPUTING | VERIFYING) || head.depCount < 0) return;
    const participants = [head, ...(head.cycleMembers ?? [])];
    const inCycle = new Set(participants);
    head.flags |= VERIFYING;
    let unchanged = true;
    try {
      check: for (const slot of participants) {
        if (slot.depCount < 0 || slot.flags & DROPPED) {
          unchanged = false;
          break;
        }
        // A copy: refreshing a dependency may re-run `slot` and replace its dependencies.
        for (const dep of slot.depList()) {
          if (inCycle.has(dep)) continue;
          if ((!dep.isInput && !this.refreshDependency(dep)) || this.changedSince(dep, slot.verifiedAt)) {
            unchanged = false;
            break check;
          }
        }
      }
    } finally {
      head.flags &= ~VERIFYING;
    }
    if (unchanged) {
      for (const slot of participants) {
        slot.verifiedAt = rev;
        if (this.listeners.length > 0) this.emit("did-reuse", slot);
      }
    } else {
      this.execute(head, false);
    }
  }

  /**
   * Whether a settled dependency invalidates a reader verified at `verifiedAt`. A
   * provisional fixpoint value always does: the reader must re-run so that it is
   * registered as a member of the fixpoint and re-runs with each iteration.
   */
  private changedSince(dep: Slot, verifiedAt: number): boolean {
    return dep.changedAt > verifiedAt || (dep.flags & PROVISIONAL) !== 0;
  }

  // ---------------------------------------------------------------- inputs

  /** @internal `Input.set`. */
  setInput(input: Input<Key, unknown>, key: unknown, value: unknown, durability: Durability | undefined): void {
    this.assertWritable(input.name);
    const slot = input.table.slot(key);
    const flags = slot.flags;
    const level =
      durability !== undefined
        ? checkDurability(durability)
        : flags & HAS_VALUE || slot.changedAt > 0
          ? (slot.durability as Durability)
          : input.defaultDurability;
    if (flags & HAS_VALUE && level >= slot.durability && this.safeEquals(input.equals, slot.value, value)) {
      // Same value: nothing to recompute. A raised durability can be recorded silently,
      // because readers that remember the lower one are merely more cautious than needed.
      slot.durability = level;
      return;
    }
    const rev = this.newRevision(flags & HAS_READERS ? Math.max(level, slot.durability) : -1);
    slot.value = value;
    slot.flags = flags | HAS_VALUE;
    slot.changedAt = rev;
    slot.durability = level;
    if (this.listeners.length > 0) this.emit("did-set-input", slot);
  }

  /** @internal `Input.remove`. */
  removeInput(input: Input<Key, unknown>, key: unknown): void {
    this.assertWritable(input.name);
    const slot = input.table.find(key);
    if (slot === undefined || !(slot.flags & HAS_VALUE)) return;
    const rev = this.newRevision(slot.flags & HAS_READERS ? slot.durability : -1);
    slot.value = undefined;
    slot.flags &= ~HAS_VALUE;
    slot.changedAt = rev;
    if (this.listeners.length > 0) this.emit("did-set-input", slot);
  }

  /**
   * Starts a revision in which inputs of durability up to `durability` changed. An input
   * that no query ever read passes -1: no memo can depend on it, so every memo stays
   * valid on the durability check alone.
   */
  private newRevision(durability: number): number {
    const rev = ++this.rev;
    for (let level = 0; level <= durability; level++) this.lastChanged[level] = rev;
    return rev;
  }

  private assertWritable(name: string): void {
    if (this.active !== null) {
      throw new UsageError(
        `Cannot set input "${name}" while query "${this.active.slot.owner.name}" is running: ` +
          "inputs may only change between computations",
      );
    }
    if (this.busy > 0) {
      throw new UsageError(`Cannot set input "${name}" while the database is computing (e.g. from an event listener)`);
    }
  }

  // ---------------------------------------------------------------- accumulators

  /** @internal `ctx.push`. */
  pushAccumulated(frame: Frame, accumulator: Accumulator<unknown>, value: unknown): void {
    if (this.active !== frame) throw this.staleContext(frame);
    if (accumulator.owner !== this) throw new UsageError(`Accumulator "${accumulator.name}" belongs to another database`);
    this.queryGraph.markPushed(frame.slot.owner as Query<Key, unknown>);
    (frame.pushes ??= []).push(accumulator, value);
  }

  /**
   * Everything pushed to `accumulator` by `query(key)` and, transitively, by every query
   * it read, each query instance once, in depth-first read order (a query's own pushes
   * before those of the queries it read). Brings the query up to date first; if the
   * query threw, what it and its dependencies pushed is still returned.
   */
  accumulated<K extends Key, V, T>(query: Query<K, V>, key: K, accumulator: Accumulator<T>): T[] {
    if (this.active !== null) throw this.nestedTopLevelRead(query.name);
    if (accumulator.owner !== this) throw new UsageError(`Accumulator "${accumulator.name}" belongs to another database`);
    this.tryGet(query, key);
    this.queryGraph.refresh();
    return collectAccumulated(query.table.slot(key), accumulator, ++this.frameIds, (dropped) => {
      // Swept after its reader was verified: bring back a live memo for the same key.
      const owner = dropped.owner as Query<Key, unknown>;
      this.tryGet(owner, dropped.key);
      return owner.table.slot(dropped.key);
    });
  }

  /** Reads a query for its side effects, keeping its memoized error (but not Cancelled) quiet. */
  private tryGet(query: Query<Key, unknown>, key: unknown): void {
    try {
      this.get(query, key as Key);
    } catch (error) {
      if (error instanceof Cancelled) throw error;
    }
  }

  // ---------------------------------------------------------------- snapshots & cancellation

  /** A read-only view pinned at the current revision; its reads throw `Cancelled` once an input changed. */
  snapshot(): Snapshot {
    return new Snapshot(this, this.rev);
  }

  /** Throws `Cancelled` if another thread announced a pending write. */
  checkCancelled(): void {
    if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
  }

  private throwPendingWrite(): never {
    const slot = this.active?.slot;
    this.emitRaw("cancelled", slot?.owner.name ?? "", slot?.key);
    throw new Cancelled("pending-write", "a write to the database is pending");
  }

  /** @internal Used by snapshots before every read: throws `Cancelled` if the snapshot is outdated. */
  checkSnapshot(pinned: number): void {
    if (this.rev !== pinned) {
      this.emitRaw("cancelled", "", undefined);
      throw new Cancelled("revision-changed", `snapshot of revision ${pinned} is outdated (now ${this.rev})`);
    }
    if (Atomics.load(this.cancelCells, 0) !== 0) this.throwPendingWrite();
  }

  /** An LRU capacity dropped `slot`'s value; its edges, revisions and pushes stay. */
  private readonly evictValue = (slot: Slot): void => {
    slot.hitRevision = 0;
    slot.value = undefined;
    slot.flags &= ~HAS_RESULT;
    if (this.listeners.length > 0) this.emit("did-evict", slot);
  };

  // ---------------------------------------------------------------- maintenance & introspection

  /**
   * Drops every memo not read or verified at or after revision `unusedSince` (inputs are
   * kept). Queries that read a dropped memo re-run when next verified. Returns how many
   * memos were dropped.
   */
  sweep(options: SweepOptions): number {
    if (this.active !== null || this.busy > 0) throw new UsageError("Cannot sweep while the database is computing");
    let dropped = 0;
    for (const owner of this.owners.values()) {
      if (owner.isInput) continue;
      const query = owner as Query<Key, unknown>;
      const stale: Slot[] = [];
      // Every read brings a memo up to date, so `verifiedAt` is also its last use.
      for (const slot of query.table.slots()) if (slot.verifiedAt < options.unusedSince) stale.push(slot);
      for (const slot of stale) {
        query.table.delete(slot);
        lruRemove(query, slot);
        slot.flags = DROPPED;
        slot.hitRevision = 0;
        slot.value = undefined;
        slot.clearDeps();
        slot.pushes = null;
        slot.cycleMembers = null;
        this.slotStore.release(slot.id);
        if (this.listeners.length > 0) this.emit("did-sweep", slot);
        dropped++;
      }
    }
    return dropped;
  }

  /** Memo counts and approximate memory per input and query. Walks every value: not for hot paths. */
  stats(): DatabaseStats {
    return collectStats(this.rev, this.owners.values());
  }

  /** Subscribes to engine events; returns a function that unsubscribes. */
  on(listener: EngineListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  private emit(kind: EngineEventKind, slot: Slot): void {
    this.emitRaw(kind, slot.owner.name, slot.key);
  }

  private emitRaw(kind: EngineEventKind, query: string, key: unknown): void {
    if (this.listeners.length === 0) return;
    const event: EngineEvent = { kind, query, key, revision: this.rev };
    for (const listener of this.listeners.slice()) {
      try {
        listener(event);
      } catch (error) {
        // A failing listener must not leave the engine half-updated: report it later.
        void Promise.reject(error);
      }
    }
  }

  private nestedTopLevelRead(name: string): UsageError {
    return new UsageError(
      `Top-level read of "${name}" inside query "${this.active?.slot.owner.name ?? ""}": ` +
        "use ctx.get(...) inside queries so the dependency is recorded",
    );
  }

  private staleContext(frame: Frame): UsageError {
    return new UsageError(
      frame.done
        ? `The context of query "${frame.slot.owner.name}" was used after the query returned`
        : `The context of query "${frame.slot.owner.name}" was used while another query is running`,
    );
  }
}

/**
 * Whether the settled slot whose record starts at `at` invalidates a reader verified at
 * `verifiedAt`: the store form of `Database.changedSince`.
 */
function changedSince(meta: Int32Array, at: number, verifiedAt: number): boolean {
  return meta[at + CHANGED_AT]! > verifiedAt || (meta[at + FLAGS]! & PROVISIONAL) !== 0;
}

/** True for the engine's "Maximum call stack size exceeded" error (a `RangeError`). */
function isStackOverflow(error: unknown): boolean {
  // No regular expression here: this runs right after a stack overflow, still deep in the
  // stack, and V8 compiles a regular expression on its first use; compiling one without
  // stack left aborts the whole process ("RegExpCompiler Allocation failed").
  return error instanceof RangeError && error.message.includes("call stack");
}
