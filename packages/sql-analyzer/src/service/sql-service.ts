import { Database, type Input, type Query } from "@sextant/query-engine";
import type { Diagnostic } from "../diagnostic.js";
import { isDialect, type Dialect } from "../dialect.js";
import { parse, type ParseResult } from "../parse/parse.js";
import { parseSegmentText, type SegmentParse } from "../parse/segment.js";

/** Options of `createSqlService`. */
export interface SqlServiceOptions {
  /** The dialect of files set without one. Defaults to `"postgres"`. */
  readonly dialect?: Dialect;
  /** The query-engine database to define the queries in. Defaults to a new `Database`. */
  readonly database?: Database;
  /** How many parsed statements to keep memoized per dialect. Defaults to `20000`. */
  readonly statementCacheSize?: number;
}

/** Options of `SqlService.setFile`. */
export interface SetFileOptions {
  /** The file's dialect. Defaults to the service's dialect. */
  readonly dialect?: Dialect;
}

/**
 * An incremental SQL analysis service for a set of in-memory files: the object
 * the CLI, the LSP adapter and tests all use. Every answer is a query-engine
 * query, so after an edit only what depends on the changed text recomputes.
 */
export interface SqlService {
  /** The query-engine database holding this service's inputs and queries. */
  readonly database: Database;
  /** Sets (or replaces) the text of a file: a new revision. */
  setFile(path: string, text: string, options?: SetFileOptions): void;
  /** Removes a file. */
  removeFile(path: string): void;
  /** Whether a file is known. */
  hasFile(path: string): boolean;
  /** The file's parse (lossless tree, syntax diagnostics, embedded SQL). */
  parse(path: string): ParseResult;
  /** The file's statements as texts (trivia around them excluded); backdates when only trivia between statements changes. */
  statementList(path: string): readonly string[];
  /** All diagnostics of the file (syntax for now; lint and semantics come later). */
  diagnostics(path: string): readonly Diagnostic[];
  /** The service's inputs and queries, for building further queries on top (and for event logs). */
  readonly queries: SqlQueries;
}

/** The inputs and queries behind a `SqlService`, keyed by file path (statements by text). */
export interface SqlQueries {
  readonly sourceText: Input<string, string>;
  readonly dialect: Input<string, Dialect>;
  readonly parse: Query<string, ParseResult>;
  readonly statementList: Query<string, readonly string[]>;
  readonly diagnostics: Query<string, readonly Diagnostic[]>;
  /** The per-statement parse of a dialect, keyed by the statement's text. */
  statement(dialect: Dialect): Query<string, SegmentParse>;
}

/**
 * Creates the SQL service. Queries it defines (names are stable, for event logs):
 * `sql.sourceText` and `sql.dialect` (inputs, per file), `sql.parse` (per file),
 * `sql.statement.<dialect>` (per statement text: the reused unit),
 * `sql.statementList` and `sql.diagnostics` (per file).
 */
export function createSqlService(given: SqlServiceOptions = {}): SqlService {
  const options = given ?? {}; // a JavaScript caller's `null` means no options
  const db = options.database ?? new Database();
  const defaultDialect = options.dialect ?? "postgres";
  if (!isDialect(defaultDialect)) throw new RangeError(`createSqlService: unknown dialect ${JSON.stringify(defaultDialect)} (expected "postgres", "mysql" or "sqlite")`);
  const lru = options.statementCacheSize ?? 20000;
  const sourceText: Input<string, string> = db.input<string, string>("sql.sourceText");
  const fileDialect: Input<string, Dialect> = db.input<string, Dialect>("sql.dialect");

  const statementQueries = new Map<Dialect, Query<string, SegmentParse>>();
  const statementQuery = (dialect: Dialect): Query<string, SegmentParse> => {
    let query = statementQueries.get(dialect);
    if (!query) {
      // A pure function of its key (the statement text): never invalidated, only evicted.
      query = db.query<string, SegmentParse>(`sql.statement.${dialect}`, (_ctx, text) => parseSegmentText(text, dialect), {
        equals: (a, b) => a === b,
        lru,
      });
      statementQueries.set(dialect, query);
    }
    return query;
  };
  for (const dialect of ["postgres", "mysql", "sqlite"] as const) statementQuery(dialect);

  // The previous parse of each file: lets the splitter skip unchanged text.
  // It only speeds things up; the result equals a fresh parse.
  const previousParse = new Map<string, ParseResult>();

  const parseQuery = db.query<string, ParseResult>(
    "sql.parse",
    (ctx, path) => {
      const text = ctx.get(sourceText, path);
      const dialect = ctx.get(fileDialect, path);
      const segments = statementQuery(dialect);
      const result = parse(text, {
        dialect,
        previous: previousParse.get(path),
        parseSegment: (segmentText) => ctx.get(segments, segmentText),
      });
      previousParse.set(path, result);
      return result;
    },
    { equals: (a, b) => a.text === b.text && a.dialect === b.dialect },
  );

  const statementListQuery = db.query<string, readonly string[]>("sql.statementList", (ctx, path) => {
    const { root, text } = ctx.get(parseQuery, path);
    const out: string[] = [];
    let offset = 0;
    for (const child of root.green.children) {
      if (!child.isToken) out.push(text.slice(offset, offset + child.width));
      offset += child.width;
    }
    return out;
  });

  const diagnosticsQuery = db.query<string, readonly Diagnostic[]>("sql.diagnostics", (ctx, path) => ctx.get(parseQuery, path).diagnostics);

  /** `path`, once it is known to name a file (the engine's own error names its inputs, not the service's calls). */
  const knownFile = (request: string, path: string): string => {
    if (!sourceText.has(path)) throw new RangeError(`${request}(${JSON.stringify(path)}): no such file (setFile it first)`);
    return path;
  };

  return {
    database: db,
    setFile(path, text, setOptions) {
      const dialect = setOptions?.dialect ?? defaultDialect;
      if (typeof path !== "string") throw new TypeError(`setFile: a path must be a string, got ${path === null ? "null" : typeof path}`);
      if (typeof text !== "string") throw new TypeError(`setFile(${JSON.stringify(path)}): text must be a string`);
      if (!isDialect(dialect)) throw new RangeError(`setFile(${JSON.stringify(path)}): unknown dialect ${JSON.stringify(dialect)}`);
      if (!fileDialect.has(path) || fileDialect.get(path) !== dialect) fileDialect.set(path, dialect);
      if (!sourceText.has(path) || sourceText.get(path) !== text) sourceText.set(path, text);
    },
    removeFile(path) {
      if (sourceText.has(path)) sourceText.remove(path);
      if (fileDialect.has(path)) fileDialect.remove(path);
      previousParse.delete(path);
    },
    hasFile: (path) => sourceText.has(path),
    parse: (path) => db.get(parseQuery, knownFile("parse", path)),
    statementList: (path) => db.get(statementListQuery, knownFile("statementList", path)),
    diagnostics: (path) => db.get(diagnosticsQuery, knownFile("diagnostics", path)),
    queries: {
      sourceText,
      dialect: fileDialect,
      parse: parseQuery,
      statementList: statementListQuery,
      diagnostics: diagnosticsQuery,
      statement: statementQuery,
    },
  };
}
