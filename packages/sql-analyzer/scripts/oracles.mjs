// The real parsers used as oracles by the corpus generator, the fidelity test and the
// benchmark: libpg-query (PostgreSQL's own raw parser compiled to wasm) and SQLite as
// embedded in better-sqlite3. Both answer "does this text parse?" only.

import { loadModule, parsePlPgSQLSync, parseSync } from "libpg-query";
import Database from "better-sqlite3";

/**
 * The text a PostgreSQL server reads of a script: psql's lines (`\echo … \quit`, meta-commands)
 * blanked to spaces, and the extension placeholders replaced as CREATE EXTENSION does
 * (`@extschema@`, `@extschema:name@` → public, `@extowner@` → postgres). Offsets are kept but
 * where a placeholder is replaced.
 */
export function serverSql(script) {
  return script
    .replace(/^\\.*$/gm, (line) => " ".repeat(line.length))
    .replace(/@extschema(:\w+)?@/g, "public")
    .replaceAll("@extowner@", "postgres");
}

/**
 * Whether PostgreSQL's PL/pgSQL compiler (what CREATE FUNCTION runs to validate a body) takes
 * `statement` when it is a PL/pgSQL routine or DO block; true for any other statement. The raw
 * parser does not look into routine bodies. Call after libpg-query's `loadModule()`.
 */
export function plpgsqlAccepts(statement) {
  const server = serverSql(statement);
  if (!/language\s+'?plpgsql|^\s*do\b/im.test(server)) return true;
  try {
    return !hasValuelessReturn(parseSync(server), parsePlPgSQLSync(server));
  } catch {
    return false;
  }
}

/**
 * What CREATE FUNCTION and DO take, as far as libpg-query knows: the raw parser's verdict, and for
 * a PL/pgSQL routine or DO block with a string body also its PL/pgSQL compiler's (which checks
 * the body and the signature: OUT parameters against RETURNS, a trigger function's arguments).
 * Loads the wasm module; returns a `(sql) => { ok, message }` check.
 */
export async function createPostgresServerOracle() {
  await loadModule();
  return (sql) => {
    let tree;
    try {
      tree = parseSync(sql);
    } catch (error) {
      return { ok: false, message: String(error?.message ?? error) };
    }
    if (hasTypedParameter(tree)) return { ok: false, message: "syntax error at a parameter after a type name (`int $1`: libpg-query's extension; PostgreSQL wants a string there)" };
    // What the server's DO checks before it runs the code (ExecuteDoStmt; checked against a
    // PostgreSQL server): the grammar takes `DO LANGUAGE x` alone, and any number of code strings
    // and LANGUAGE clauses, but the server wants code, and one of each.
    for (const { stmt } of tree.stmts ?? []) {
      if (!stmt?.DoStmt) continue;
      const names = (stmt.DoStmt.args ?? []).map((o) => o.DefElem?.defname);
      if (!names.includes("as")) return { ok: false, message: "no inline code specified" };
      if (names.filter((n) => n === "as").length > 1 || names.filter((n) => n === "language").length > 1) return { ok: false, message: "conflicting or redundant options" };
    }
    // (The compiler's entry point aborts the module on a PL/pgSQL routine without a string body.)
    if (!/plpgsql|^\s*do\b/im.test(sql) || !everyRoutineHasStringBody(tree)) return { ok: true };
    let compiled;
    try {
      compiled = parsePlPgSQLSync(sql);
    } catch (error) {
      return { ok: false, message: String(error?.message ?? error) };
    }
    if (hasValuelessReturn(tree, compiled)) return { ok: false, message: 'missing expression at or near ";" (RETURN without a value in a function that returns one)' };
    return { ok: true };
  };
}

/**
 * Whether the raw tree holds a typed literal whose value is a parameter, `int $1` or `interval
 * $1`: libpg-query's grammar takes a parameter where PostgreSQL's takes only a string constant
 * (for its normalized queries), and a PostgreSQL server refuses it (checked). Such a cast has
 * its type before its argument; `$1::int` has it after.
 */
function hasTypedParameter(node) {
  if (Array.isArray(node)) return node.some(hasTypedParameter);
  if (node === null || typeof node !== "object") return false;
  const cast = node.TypeCast;
  if (cast?.arg?.ParamRef !== undefined && cast.typeName?.location !== undefined && cast.arg.ParamRef.location !== undefined && cast.typeName.location < cast.arg.ParamRef.location) return true;
  return Object.values(node).some(hasTypedParameter);
}

/**
 * Whether a PL/pgSQL function that returns a value has a `RETURN;` without one, which the
 * server's PL/pgSQL compiler refuses ("missing expression", checked against a PostgreSQL
 * server) and libpg-query's takes: its compiler knows the return type only to refuse a value
 * (`RETURN 1` in a void function), not to demand one. A function returns a value when it is no
 * procedure, returns no set, has no OUT parameters (its RETURN then carries their variable) and
 * returns neither void nor event_trigger. `compiled` has one function per routine and DO block
 * of `tree`, in order.
 */
function hasValuelessReturn(tree, compiled) {
  const routines = (tree.stmts ?? []).map(({ stmt }) => stmt).filter((stmt) => stmt?.CreateFunctionStmt || stmt?.DoStmt);
  const functions = compiled?.plpgsql_funcs ?? [];
  if (routines.length !== functions.length) return false;
  return routines.some((stmt, i) => {
    const create = stmt.CreateFunctionStmt;
    if (!create || create.is_procedure || !create.returnType || create.returnType.setof) return false;
    const language = (create.options ?? []).find((o) => o.DefElem?.defname === "language")?.DefElem.arg?.String?.sval;
    if (language?.toLowerCase() !== "plpgsql") return false;
    const type = create.returnType.names?.at(-1)?.String?.sval;
    if (type === "void" || type === "event_trigger") return false;
    return someValuelessReturn(functions[i]?.PLpgSQL_function?.action);
  });
}

/** Whether a compiled PL/pgSQL tree holds a RETURN with neither a value nor an OUT variable. */
function someValuelessReturn(node) {
  if (Array.isArray(node)) return node.some(someValuelessReturn);
  if (node === null || typeof node !== "object") return false;
  for (const [key, value] of Object.entries(node)) {
    // (The compiler appends a RETURN of its own to the outer block, without a line number.)
    if (key === "PLpgSQL_stmt_return" && value.expr === undefined && value.retvarno === undefined && value.lineno !== undefined) return true;
    if (someValuelessReturn(value)) return true;
  }
  return false;
}

/** Whether every CREATE FUNCTION / PROCEDURE and DO of a raw parse tree has an `AS '…'` body. */
function everyRoutineHasStringBody(tree) {
  for (const { stmt } of tree.stmts ?? []) {
    const create = stmt?.CreateFunctionStmt;
    if (create && !(create.options ?? []).some((o) => o.DefElem?.defname === "as")) return false;
    const block = stmt?.DoStmt;
    if (block && !(block.args ?? []).some((o) => o.DefElem?.defname === "as")) return false;
  }
  return true;
}

/** Loads the libpg-query wasm module and returns a `(sql) => { ok, message }` check. */
export async function createPostgresOracle() {
  await loadModule();
  return (sql) => {
    try {
      parseSync(sql);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: String(error?.message ?? error) };
    }
  };
}

// Messages that SQLite's grammar (parse.y / tokenizer) raises. Anything else that
// prepare() reports (no such table, no such column, wrong number of arguments,
// unknown module …) comes from name resolution, after the text parsed.
const SQLITE_SYNTAX_ERRORS = /syntax error|incomplete input|unrecognized token|unknown join type|should come after|unknown table option|unsupported use of|not allowed .* within triggers|more than one statement|cannot use RETURNING in a trigger/;

/** Schema under which the generated SQLite statements mostly resolve (fewer semantic errors to classify). */
export const SQLITE_SCHEMA = `
CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT, created_at TEXT, amount REAL, status TEXT, user_id INT, price REAL, qty INT, body TEXT, score REAL, kind TEXT);
CREATE TABLE orders AS SELECT * FROM users WHERE 0;
CREATE TABLE items AS SELECT * FROM users WHERE 0;
CREATE TABLE notes AS SELECT * FROM users WHERE 0;
CREATE TABLE tags AS SELECT * FROM users WHERE 0;
CREATE TABLE events AS SELECT * FROM users WHERE 0;
`;

/**
 * Opens an in-memory SQLite database with {@link SQLITE_SCHEMA} and returns a check that
 * prepares (never runs) the statement: `{ ok, message, semantic }`, where `semantic` marks an
 * error raised after parsing (counted as accepted syntax).
 */
export function createSqliteOracle() {
  const db = new Database(":memory:");
  db.exec(SQLITE_SCHEMA);
  const check = (sql) => {
    try {
      db.prepare(sql);
      return { ok: true };
    } catch (error) {
      const message = String(error?.message ?? error);
      // better-sqlite3 refuses a text that holds no statement; SQLite's tokenizer and parser take
      // it (whitespace and comments, an unterminated `/*` comment running to the end included).
      if (message.includes("contains no statements")) return { ok: true };
      if (SQLITE_SYNTAX_ERRORS.test(message)) return { ok: false, message };
      return { ok: true, semantic: true, message };
    }
  };
  check.close = () => db.close();
  return check;
}

/**
 * Opens an in-memory SQLite database with {@link SQLITE_SCHEMA} and returns what SQLite
 * compiles a statement to: its EXPLAIN program (opcode and operands, as JSON), which throws
 * when the statement does not prepare. Two texts with the same program are the same statement
 * to SQLite (test/format/real-parser.test.ts compares the formatter's output so).
 */
export function createSqliteCompiler() {
  const db = new Database(":memory:");
  db.exec(SQLITE_SCHEMA);
  const compile = (sql) => JSON.stringify(db.prepare(`EXPLAIN ${sql}`).raw().all().map((row) => row.slice(1, 7)));
  compile.close = () => db.close();
  return compile;
}
