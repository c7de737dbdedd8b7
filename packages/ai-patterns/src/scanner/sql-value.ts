import type { SqlHole } from "./types.js";

/** Literal SQL text with the host offset of every character (escapes decoded). */
export interface TextPiece {
  kind: "text";
  text: string;
  /** `offsets[i]` is the host offset of `text[i]`; `end` is the host offset just past the last one. */
  offsets: number[];
  end: number;
}

/** A value spliced into the SQL. */
export interface HolePiece {
  kind: "hole";
  hole: SqlHole;
}

/** One part of an evaluated SQL expression. */
export type SqlPiece = TextPiece | HolePiece;

/**
 * What the scanner knows about the string an expression evaluates to: literal parts with
 * their host positions, and holes for everything it cannot (or must not) know statically.
 */
export interface SqlValue {
  pieces: SqlPiece[];
  /** True when a parameterizing tagged template built the value (its holes are bound). */
  tagged: boolean;
}

/** A value made of one hole. */
export function holeValue(hole: SqlHole): SqlValue {
  return { pieces: [{ kind: "hole", hole }], tagged: false };
}

/** A value made of literal text. */
export function textValue(piece: TextPiece): SqlValue {
  return { pieces: piece.text.length > 0 ? [piece] : [], tagged: false };
}

/** Concatenation of values in order. */
export function concatValues(values: readonly SqlValue[]): SqlValue {
  const pieces: SqlPiece[] = [];
  let tagged = false;
  for (const value of values) {
    pieces.push(...value.pieces);
    tagged ||= value.tagged;
  }
  return { pieces, tagged };
}

/** True when the value contains at least one literal character. */
export function hasText(value: SqlValue): boolean {
  return value.pieces.some((p) => p.kind === "text" && p.text.length > 0);
}

/** The holes of a value, in order. */
export function holesOf(value: SqlValue): SqlHole[] {
  const holes: SqlHole[] = [];
  for (const piece of value.pieces) if (piece.kind === "hole") holes.push(piece.hole);
  return holes;
}

/** The literal text before the first hole (used to decide whether an argument looks like SQL). */
export function leadingText(value: SqlValue): string {
  let text = "";
  for (const piece of value.pieces) {
    if (piece.kind === "hole") break;
    text += piece.text;
  }
  return text;
}

/** Converts the holes of a value to another kind of splicing (e.g. a resolved variable used in `+`). */
export function withHow(value: SqlValue, how: SqlHole["how"]): SqlValue {
  return {
    tagged: value.tagged,
    pieces: value.pieces.map((p) =>
      p.kind === "hole" && p.hole.how === "opaque" ? { kind: "hole", hole: { ...p.hole, how } } : p,
    ),
  };
}
