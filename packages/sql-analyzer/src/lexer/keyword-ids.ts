/**
 * Keyword ids: a small integer for every word the grammar tests by name. The word
 * table gives each interned word its id (0 for other words) next to its word-class
 * bits, so the parser compares integers (`Parser.kw`, `atK`, `eatK`, …) and its
 * hot `switch`es dispatch on small integers instead of comparing strings. Numeric
 * enums map back to their names, so `Kw[id]` is the keyword's text (tested).
 * Members are the lower-case words themselves, in alphabetical order; new ones may
 * be added anywhere (ids are never persisted).
 */
export enum Kw {
  /** Not a keyword the grammar names (or not a word). */
  None,
  abort, action, add, admin, after, against, algorithm, all, alter, always, analyse, analyze, and, any,
  apply, array, as, asc, asensitive, asymmetric, at, atomic, attach, attribute, authorization,
  auto_increment, autoincrement, before, begin, between, binary, bit, boolean, both, breadth, by, cache,
  call, called, cascade, cascaded, case, cast, chain, change, char, character, characteristics, charset,
  check, checkpoint, checksum, close, cluster, collate, column, column_format, columns, comment, commit,
  committed, compression, concurrently, conflict, consistent, constraint, constraints, contains, continue,
  copy, cost, create, cross, cube, current, cursor, cycle, data, database, deallocate, declare, default,
  deferrable, deferred, definer, delete, depth, desc, describe, detach, deterministic, disable, discard,
  distinct, distinctrow, div, do, document, domain, double, drop, dual, dumpfile, duplicate, each, else,
  enable, end, enforced, enum, escape, event, except, exclude, excluding, exclusive, execute, exists,
  expansion, explain, expression, extended, extension, external, false, fetch, filter, finalize, first,
  following, follows, for, force, foreign, format, freeze, from, full, fulltext, function, generated, glob,
  global, grant, granted, group, grouping, groups, hash, having, hold, identity, if, ignore, ilike,
  immediate, immutable, in, include, including, increment, index, indexed, inherit, inherits, initially,
  inner, inout, input, insensitive, insert, instead, intersect, interval, into, invisible, invoker, is,
  isnull, isolation, join, json, key, keys, language, last, lateral, leading, leakproof, left, level, like,
  limit, linear, list, listen, local, lock, locked, logged, long, loop, low_priority, match, matched,
  materialized, maxvalue, merge, minus, minvalue, mod, mode, modifies, modify, modulus, move, name, names,
  national, natural, nchar, new, next, no, no_write_to_binlog, none, normalized, not, nothing, notify,
  notnull, nowait, null, nulls, object, of, offset, oids, old, on, only, optimize, option, or, order,
  ordinality, others, out, outer, outfile, over, overlaps, overriding, owned, owner, parallel, partial,
  partition, partitions, permissive, persist, persist_only, placing, plan, plans, policy, pragma, precedes,
  preceding, precision, prepare, prepared, preserve, primary, privileges, procedure, program, query, quick,
  range, read, reads, recursive, references, referencing, refresh, regexp, reindex, release, remainder,
  rename, repair, repeat, repeatable, replace, replica, reset, respect, restart, restrict, restrictive,
  return, returning, returns, revoke, right, rlike, role, rollback, rollup, row, rows, rowtype, rule,
  savepoint, scalar, schema, scroll, search, security, select, separator, sequence, sequences, serializable,
  server, session, set, setof, sets, share, show, signed, similar, simple, skip, snapshot, some, source,
  spatial, sql, srid, stable, start, statement, statistics, stdin, stdout, storage, stored, straight_join,
  strict, support, symmetric, system, table, tables, tablesample, tablespace, target, temp, temporary, then,
  ties, time, to, trailing, transaction, transform, trigger, true, truncate, try_cast, type, unbounded,
  uncommitted, union, unique, unknown, unlisten, unlock, unlogged, unsigned, until, update, use, user, using,
  vacuum, valid, validate, value, values, varchar, variadic, varying, verbose, version, view, virtual,
  visible, volatile, when, where, while, window, with, within, without, work, wrapper, write, xor, zerofill,
  zone,
}

/** Highest keyword id (ids are `1..KW_MAX`). */
export const KW_MAX: number = Kw.zone;

/** The keyword id of a lower-case word, or `Kw.None` (0) when the grammar never names it. */
export function keywordIdOf(word: string): Kw {
  if (!Object.prototype.hasOwnProperty.call(Kw, word)) return Kw.None;
  // A numeric enum also maps numbers back to names: only name-to-number entries count.
  const id: unknown = (Kw as unknown as Record<string, unknown>)[word];
  return typeof id === "number" ? (id as Kw) : Kw.None;
}

/** The lower-case text of keyword `id` (not `Kw.None`). */
export function keywordText(id: Kw): string {
  return Kw[id]!;
}
