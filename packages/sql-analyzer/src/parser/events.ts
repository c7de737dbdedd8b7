import type { GreenElement, GreenToken } from "../syntax/green.js";
import { SyntaxKind, isTrivia } from "../syntax/syntax-kind.js";
import { internNode } from "../syntax/node-cache.js";
import { MAX_SHARED_LENGTH, MAX_SHORT_TOKEN, internSlice, lastSlot, sharedShortToken, sharedToken, sharedTokenAt } from "../syntax/token-cache.js";
import { CHAR_CLASS, SPACE } from "../lexer/char-class.js";

/*
 * The parser does not build the tree while it parses: it records what the tree
 * is in a flat Int32Array of events, and the green tree is built from them only
 * when someone reads it (`buildGreen`). Most callers of `parse()` that only want
 * diagnostics never pay for the tree, and the parse itself allocates almost nothing.
 *
 * Encoding (one event = 1–3 int32 slots):
 * - token:       [end << 5 | kind]  (≥ 0) — `end` relative to the origin. Whitespace
 *                has no events: a token starts where the previous one ended, after
 *                the run of blanks found there (see `buildGreen`). An end from 2^26
 *                on is written as [LONG_TOKEN, kind, end].
 * - start:       [startCode(kind, forwarded), forwardParent, chainTail]  (≤ -16): a node
 *                opened at a checkpoint (`startAt`)
 * - plain start: [plainStartCode(kind)]  (≤ -16): a node opened by `start`, which no
 *                later node can start at (only checkpoints are), so it needs no links
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

/** Token ends below this fit in a one-slot token event. */
export const MAX_SHORT_END = 1 << 26;
/** Marks a start event reached through a chain (skipped when met in sequence). */
export const FORWARDED = 1 << 20;
/** A token whose end does not fit in one slot: [LONG_TOKEN, kind, end]. */
export const LONG_TOKEN = -4;

/** The first slot of a start event. */
export function startCode(kind: SyntaxKind, forwarded: boolean): number {
  return -(16 + kind + (forwarded ? FORWARDED : 0));
}
/** Marks a one-slot start event (a node opened by `start`, never a chain member). */
export const PLAIN_START = 1 << 21;

/** The one slot of a plain start event. */
export function plainStartCode(kind: SyntaxKind): number {
  return -(16 + kind + PLAIN_START);
}
/** A checkpoint no node has started at (yet). */
export const PLACEHOLDER = -2;
/** Closes the innermost open node. */
export const FINISH = -1;
/** Changes the kind of the last finished child of the open node. */
export const RELABEL = -3;

/**
 * A recorded parse: events `[from, to)` of `events` (an arena chunk shared with
 * other parses), with token ends relative to `origin` in `text`; the parsed
 * range of `text` is `[origin, end)`.
 */
export interface EventLog {
  readonly events: Int32Array;
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly origin: number;
  readonly end: number;
}

/** Slots per arena chunk; a parse larger than this gets a chunk of its own size. */
const CHUNK_SIZE = 1 << 16;
let chunk = new Int32Array(CHUNK_SIZE);
let chunkUsed = 0;
let arenaBusy = false;

/**
 * The shared event arena: parsers write their events straight into the free
 * tail of one large chunk (no per-parse typed array, whose backing store is
 * costly to create and to collect; no copy when the parse is done). A chunk
 * lives as long as any event log in it. One parser at a time owns the tail:
 * `claimArena` returns the chunk (its first free slot is `arenaUsed()`), or
 * `undefined` when another parser holds it (that one then uses an array of its own).
 */
export function claimArena(): Int32Array | undefined {
  if (arenaBusy) return undefined;
  arenaBusy = true;
  return chunk;
}

/** The first free slot of the arena's chunk (read right after `claimArena`). */
export function arenaUsed(): number {
  return chunkUsed;
}

/** A bigger chunk for the arena's owner, which copies its log so far into it (returns it). */
export function growArena(minimum: number): Int32Array {
  chunk = new Int32Array(Math.max(CHUNK_SIZE, minimum));
  chunkUsed = 0;
  return chunk;
}

/** Gives the tail back: slots before `used` of the current chunk are taken. */
export function releaseArena(used: number): void {
  chunkUsed = used;
  arenaBusy = false;
}

/**
 * Replays an event log into green elements: the children of the outermost
 * level, exactly what building the tree during the parse would have produced.
 * Comments arrive as ordinary token events; whitespace is rebuilt from the
 * text: the parser flushes trivia right before a token, start or checkpoint
 * event, so whitespace found between the last token's end and such an event
 * goes right before it (and what is left at the end goes last). A finished
 * node drops trailing trivia to its parent and an empty node is not made.
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
  const limit = log.end;
  let n = 0;
  let nFrames = 0;
  /** Highest child count reached (slots up to here may hold references to clear). */
  let high = 0;
  let at = base;
  for (let i = from; i < to; ) {
    const code = events[i]!;
    if (at < limit && (code >= 0 || code === LONG_TOKEN || code === PLACEHOLDER || (code <= -16 && ((-code - 16) & FORWARDED) === 0))) {
      // A flush point: the whitespace since the last token goes here.
      const c = text.charCodeAt(at);
      if (c < 128 && (CHAR_CLASS[c]! & SPACE) !== 0) {
        const end = whitespaceEnd(text, at + 1, limit);
        children[n++] = makeToken(SyntaxKind.Whitespace, text, at, end);
        at = end;
      }
    }
    if (code >= 0 || code === LONG_TOKEN) {
      let kind: SyntaxKind;
      let end: number;
      if (code >= 0) {
        kind = code & 31;
        end = base + (code >>> 5);
        i += 1;
      } else {
        kind = events[i + 1]!;
        end = base + events[i + 2]!;
        i += 3;
      }
      children[n++] = makeToken(kind, text, at, end);
      at = end;
    } else if (code <= -16) {
      const value = -code - 16;
      if ((value & PLAIN_START) !== 0) {
        frames[nFrames] = n;
        frameKinds[nFrames++] = (value - PLAIN_START) as SyntaxKind;
        i += 1;
        continue;
      }
      if ((value & FORWARDED) === 0) {
        // The chain runs from the innermost node to the outermost: open outermost first.
        let links = 0;
        for (let e = i; ; ) {
          chain[links++] = ((-events[e]! - 16) & ~FORWARDED) as SyntaxKind;
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
        if (!last.isToken) children[c] = internNode(kind, last.children, 0, last.children.length);
        break;
      }
      i += 2;
    }
  }
  if (at < limit) {
    // Trailing whitespace (the parser's last flush).
    const end = whitespaceEnd(text, at, limit);
    if (end > at) {
      children[n++] = makeToken(SyntaxKind.Whitespace, text, at, end);
      if (n > high) high = n;
    }
  }
  const out = children.slice(0, n);
  if (children.length <= MAX_RECYCLED_LENGTH) {
    children.fill(undefined as unknown as GreenElement, 0, Math.max(high, n));
    spareWork = work;
  }
  return out;
}

/** The end of the run of blanks from `at` (at most `limit`). */
function whitespaceEnd(text: string, at: number, limit: number): number {
  while (at < limit) {
    const c = text.charCodeAt(at);
    if (c < 128 && (CHAR_CLASS[c]! & SPACE) !== 0) at++;
    else break;
  }
  return at;
}

/** The (shared) green token of `kind` over `text[at, end)`. */
function makeToken(kind: SyntaxKind, text: string, at: number, end: number): GreenToken {
  if (end - at === 1) {
    // One-character tokens (a space, `(`, `)`, `,`, `.`) are about half of all
    // tokens: one table read instead of hashing and probing the intern table.
    const c = text.charCodeAt(at);
    if (c < 128) {
      const key = (kind << 7) | c;
      let token = oneCharTokens[key];
      if (token === undefined) oneCharTokens[key] = token = sharedToken(kind, text.slice(at, end));
      return token;
    }
    return sharedToken(kind, text.slice(at, end));
  }
  if (end - at <= MAX_SHORT_TOKEN) {
    const token = sharedShortToken(kind, text, at, end);
    if (token !== undefined) return token;
  }
  return end - at <= MAX_SHARED_LENGTH ? sharedTokenAt(kind, internSlice(text, at, end), lastSlot) : sharedToken(kind, text.slice(at, end));
}

/** Shared green tokens of one ASCII character, by `kind << 7 | charCode` (immutable, so shared forever). */
const oneCharTokens: (GreenToken | undefined)[] = new Array<GreenToken | undefined>(32 << 7).fill(undefined);

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
  children[at] = internNode(kind, children, at, end);
  // Trailing trivia moves down right after the new node.
  for (let i = end; i < count; i++) children[at + 1 + i - end] = children[i]!;
  return at + 1 + count - end;
}
