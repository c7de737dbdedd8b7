import type { SqlValue } from "./sql-value.js";
import type { ExtractedSql, SinkCall, SqlBuildKind, SqlDialectHint, SqlHole, SqlMappingRun, TextRange } from "./types.js";

/** An extraction before its mapping function is attached (what the cache stores). */
export type ExtractedSqlData = Omit<ExtractedSql, "mapping">;

/**
 * Renders an evaluated SQL value as SQL text with a placeholder per hole (`$n` for
 * PostgreSQL, `?` otherwise) and the runs that map every SQL character back to the host.
 */
export function renderExtraction(
  value: SqlValue,
  sink: SinkCall,
  build: SqlBuildKind,
  dialectHint: SqlDialectHint | undefined,
): ExtractedSqlData {
  const runs: SqlMappingRun[] = [];
  const holes: SqlHole[] = [];
  let sql = "";
  let end = sink.argumentRange.end;
  const dollar = dialectHint === "postgres";
  let nextNumber = dollar ? highestDollarPlaceholder(value) + 1 : 1;
  for (const piece of value.pieces) {
    if (piece.kind === "hole") {
      const placeholder = dollar ? `$${nextNumber++}` : "?";
      runs.push({ sqlStart: sql.length, hostStart: piece.hole.range.start, length: placeholder.length, placeholder: true });
      holes.push(piece.hole);
      sql += placeholder;
      end = piece.hole.range.end;
      continue;
    }
    for (let i = 0; i < piece.text.length; i++) {
      const host = piece.offsets[i]!;
      const last = runs[runs.length - 1];
      if (last && !last.placeholder && last.sqlStart + last.length === sql.length + i && last.hostStart + last.length === host) {
        last.length++;
      } else {
        runs.push({ sqlStart: sql.length + i, hostStart: host, length: 1 });
      }
    }
    sql += piece.text;
    end = piece.end;
  }
  runs.push({ sqlStart: sql.length, hostStart: end, length: 0 });
  const data: ExtractedSqlData = { sql, sink, build, holes, runs };
  if (dialectHint) data.dialectHint = dialectHint;
  return data;
}

/** Attaches the offset mapping to stored extraction data. */
export function withMapping(data: ExtractedSqlData): ExtractedSql {
  const runs = data.runs;
  return {
    ...data,
    mapping(sqlOffset: number): number {
      if (runs.length === 0) return data.sink.argumentRange.start;
      const at = Math.max(0, Math.min(Math.floor(sqlOffset), data.sql.length));
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (runs[mid]!.sqlStart <= at) lo = mid;
        else hi = mid - 1;
      }
      const run = runs[lo]!;
      return run.placeholder ? run.hostStart : run.hostStart + (at - run.sqlStart);
    },
  };
}

/**
 * Maps a range of an extraction's SQL (e.g. a SQL analyzer diagnostic) to the host text:
 * from its first character to just past its last one. A range inside a placeholder maps
 * to the start of the spliced expression; an escape maps to its backslash.
 */
export function hostRangeOf(extraction: Pick<ExtractedSql, "mapping">, sqlRange: TextRange): TextRange {
  const start = extraction.mapping(sqlRange.start);
  const end = sqlRange.end > sqlRange.start ? extraction.mapping(sqlRange.end - 1) + 1 : start;
  return { start, end: Math.max(start, end) };
}

function highestDollarPlaceholder(value: SqlValue): number {
  let max = 0;
  for (const piece of value.pieces) {
    if (piece.kind !== "text") continue;
    for (const m of piece.text.matchAll(/\$(\d{1,4})\b/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}
