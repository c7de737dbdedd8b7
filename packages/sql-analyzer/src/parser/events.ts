import { GreenNode, type GreenElement } from "../syntax/green.js";
import { SyntaxKind, isTrivia } from "../syntax/syntax-kind.js";
import { MAX_SHARED_LENGTH, internSlice, lastSlot, sharedToken, sharedTokenAt } from "../syntax/token-cache.js";

/*
 * The parser does not build the tree while it parses: it records what the tree
 * is in a flat Int32Array of events, and the green tree is built from them only
 * when someone reads it (`buildGreen`). Most callers of `parse()` that only want
 * diagnostics never pay for the tree, and the parse itself allocates almost nothing.
 *
 * Encoding (one event = 1–3 int32 slots):
 * - token:       [kind (< FIRST_NODE_KIND), end]  — `end` relative to the origin;
 *                tokens tile the text, so a token starts where the previous one ended.
 * - start:       [kind | flags, forwardParent, chainTail]
 * - placeholder: [PLACEHOLDER, forwardParent, chainTail]  (a checkpoint no node used yet)
 * - finish:      [FINISH]
 * - relabel:     [RELABEL, kind]  (the last finished child of the open node changes kind)
 *
 * A checkpoint writes a placeholder; `startAt` fills it. When a second node
 * starts at the same checkpoint (left-recursive chains: `a + b + c`), the new
 * start is appended at the end marked FORWARDED and linked from the chain: a
 * start's `forwardParent` is the event of the node that encloses it and opens at
 * the same point (rust-analyzer's "forward parent"). `chainTail` (kept on the
 * chain's first event) makes appending O(1), so long chains stay linear.
 */

/** First node kind: kinds below it are token kinds. */
export const FIRST_NODE_KIND = SyntaxKind.SourceFile;
/** Marks a start event reached through a chain (skipped when met in sequence). */
export const FORWARDED = 1 << 20;
/** A checkpoint no node has started at (yet). */
export const PLACEHOLDER = -2;
/** Closes the innermost open node. */
export const FINISH = -1;
/** Changes the kind of the last finished child of the open node. */
export const RELABEL = -3;

/**
 * A recorded parse: events `[from, to)` of `events` (an arena chunk shared with
 * other parses), with token ends relative to `origin` in `text`.
 */
export interface EventLog {
  readonly events: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly origin: number;
}

/** Slots per arena chunk; a parse larger than this gets a chunk of its own size. */
const CHUNK_SIZE = 1 << 16;
let chunk = new Int32Array(CHUNK_SIZE);
let chunkUsed = 0;

/**
 * Copies `events[0, length)` into the shared arena: finished parses share large
 * chunks instead of each allocating a typed array (whose backing store is costly
 * to create and to collect). A chunk lives as long as any parse that uses it.
 */
export function storeEvents(events: Int32Array, length: number): { events: Int32Array; from: number } {
  if (chunkUsed + length > chunk.length) {
    chunk = new Int32Array(Math.max(CHUNK_SIZE, length));
    chunkUsed = 0;
  }
  const from = chunkUsed;
  if (length <= 1024) {
    // A short log: a plain loop beats making a subarray view to copy from.
    const target = chunk;
    for (let i = 0; i < length; i++) target[from + i] = events[i]!;
  } else chunk.set(events.subarray(0, length), from);
  chunkUsed += length;
  return { events: chunk, from };
}

/**
 * Replays an event log into green elements: the children of the outermost
 * level, exactly what building the tree during the parse would have produced.
 * Trivia arrive as ordinary token events; a finished node drops trailing trivia
 * to its parent and an empty node is not made.
 */
export function buildGreen(log: EventLog): GreenElement[] {
  // Work stacks are reused from one build to the next (taken while in use, so a
  // nested build cannot clash); shrinking a JS array's length is a slow path, so
  // the valid part is tracked by counters and copied out at the end.
  const work = spareWork ?? { children: [], frames: [], frameKinds: [], chain: [] };
  spareWork = undefined;
  const { children, frames, frameKinds, chain } = work;
  const { events, from, to, text } = log;
  const base = log.origin;
  let n = 0;
  let nFrames = 0;
  /** Highest child count reached (slots up to here may hold references to clear). */
  let high = 0;
  let at = base;
  for (let i = from; i < to; ) {
    const code = events[i]!;
    if (code >= 0 && code < FIRST_NODE_KIND) {
      const end = base + events[i + 1]!;
      children[n++] = end - at <= MAX_SHARED_LENGTH ? sharedTokenAt(code, internSlice(text, at, end), lastSlot) : sharedToken(code, text.slice(at, end));
      at = end;
      i += 2;
    } else if (code >= FIRST_NODE_KIND) {
      if ((code & FORWARDED) === 0) {
        // The chain runs from the innermost node to the outermost: open outermost first.
        let links = 0;
        for (let e = i; ; ) {
          chain[links++] = (events[e]! & ~FORWARDED) as SyntaxKind;
          const next = events[e + 1]!;
          if (next === 0) break;
          e = from + next;
        }
        for (let k = links - 1; k >= 0; k--) {
          frames[nFrames] = n;
          frameKinds[nFrames++] = chain[k]!;
        }
      }
      i += 3;
    } else if (code === PLACEHOLDER) {
      i += 3;
    } else if (code === FINISH) {
      if (nFrames > 0) {
        if (n > high) high = n;
        nFrames--;
        n = finishNode(children, n, frames[nFrames]!, frameKinds[nFrames]!);
      }
      i += 1;
    } else {
      // RELABEL
      const kind = events[i + 1]! as SyntaxKind;
      for (let c = n - 1; c >= 0; c--) {
        const last = children[c]!;
        if (last.isToken && isTrivia(last.kind)) continue;
        if (!last.isToken) children[c] = new GreenNode(kind, last.width, last.children);
        break;
      }
      i += 2;
    }
  }
  const out = children.slice(0, n);
  if (children.length <= MAX_RECYCLED_LENGTH) {
    children.fill(undefined as unknown as GreenElement, 0, Math.max(high, n));
    spareWork = work;
  }
  return out;
}

interface BuildWork {
  readonly children: GreenElement[];
  readonly frames: number[];
  readonly frameKinds: SyntaxKind[];
  readonly chain: SyntaxKind[];
}

let spareWork: BuildWork | undefined;
/** Longest work stack kept for reuse (a huge file's stacks are dropped). */
const MAX_RECYCLED_LENGTH = 1 << 16;

/** Wraps `children[at, count)` into a node of `kind`; returns the new child count. */
function finishNode(children: GreenElement[], count: number, at: number, kind: SyntaxKind): number {
  // Trivia flushed at the node's end (by a checkpoint of a construct that then
  // found nothing) belongs after the node: nodes never end with trivia.
  let end = count;
  while (end > at && children[end - 1]!.isToken && isTrivia(children[end - 1]!.kind)) end--;
  if (end === at) return count; // nothing was parsed: no empty node
  const kids = new Array<GreenElement>(end - at);
  let width = 0;
  for (let i = at; i < end; i++) {
    const k = children[i]!;
    kids[i - at] = k;
    width += k.width;
  }
  children[at] = new GreenNode(kind, width, kids);
  // Trailing trivia moves down right after the new node.
  for (let i = end; i < count; i++) children[at + 1 + i - end] = children[i]!;
  return at + 1 + count - end;
}
