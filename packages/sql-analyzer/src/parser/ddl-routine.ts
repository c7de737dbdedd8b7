import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseIfNotExists } from "./ddl-table.js";
import { expectParenthesizedExpr, parseExpr } from "./expressions.js";
import { atIdent, atFullyReservedWord, atLabel, atSubstitutedName, atTypeFunctionName, expectIdent, expectLabel, parseParenNameList, parseQualifiedName, parseRoutineName, reservedAsName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseMysqlProgramBody } from "./mysql-routines.js";
import { checkRoutineSignature, ParamSummary, type ParamMode } from "./routine-signature.js";
import { parseStatement } from "./statement.js";
import { atMultiWordType, parseTypeName } from "./types.js";

/** The type name at token `n` of RETURNS: a word lower-cased, a quoted name (`"trigger"`) as written. */
function returnTypeName(p: Parser, n: number): string | undefined {
  if (p.nth(n) === SyntaxKind.QuotedIdent) return p.tokenText(n).slice(1, -1);
  return p.nth(n) === SyntaxKind.Word ? p.wordAt(n) : undefined;
}

/** The parameter modes whose parameters are returned (`IN OUT` has an OUT word too). */
const OUT_MODES: ReadonlySet<string> = new Set(["out", "inout"]);

const TYPE_CONTINUATIONS = new Set(["precision", "varying", "with", "without", "zone", "default"]);
/**
 * The rest of CREATE FUNCTION / PROCEDURE after the keyword: signature, RETURNS,
 * options and body. A `LANGUAGE sql` or `plpgsql` string body is queued as an
 * embedded-SQL request (parsed afterwards with ranges into the host text).
 */
export function parseCreateRoutineRest(p: Parser, procedure = false): void {
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
  parseRoutineName(p, "routine name");
  // The name's last part and the parameter list bring names into a PL/pgSQL body.
  const signatureFrom = p.position - 1;
  const params = new ParamSummary();
  parseRoutineParams(p, { params });
  const paramsTo = p.position;
  // (The routine's own name is no variable: it labels the parameters' scope, `f.a`.)
  const routine = p.namesBetween(signatureFrom, signatureFrom + 1)[0];
  let names = p.namesBetween(signatureFrom + 1, p.position);
  let outParameters = p.hasWordBetween(signatureFrom + 1, p.position, OUT_MODES);
  let set = false;
  let returnsVoid = false;
  let trigger: "trigger" | "event_trigger" | undefined;
  let language: string | undefined;
  let body: { start: number; text: string; doubledQuotes: boolean } | undefined;
  let mysqlBody = false;
  let returnsFrom: number | undefined;
  let returnsTo: number | undefined;
  let table = false;
  for (let guard = 0; guard < 64 && !p.atEnd && !p.at(SyntaxKind.Semicolon); guard++) {
    const progress = p.position;
    if (p.atKw("returns")) {
      p.start(SyntaxKind.ReturnsClause);
      p.bump();
      set = p.atKw("setof");
      const qualified = p.atKw("pg_catalog") && p.nth(1) === SyntaxKind.Dot;
      const type = returnTypeName(p, qualified ? 2 : 0);
      returnsVoid = type === "void" || type === "event_trigger";
      trigger = type === "trigger" || type === "event_trigger" ? type : undefined;
      if (p.atKw("table") && p.nth(1) === SyntaxKind.LParen) {
        table = true;
        p.bump();
        const columnsFrom = p.position;
        parseReturnsTableColumns(p);
        names = names.concat(p.namesBetween(columnsFrom, p.position));
        set = true;
        outParameters = true;
      } else if (p.atKw("null") && p.nthKw(1, "on")) {
        p.bump();
        p.bump();
        p.expectKw("null");
        p.expectKw("input");
      } else {
        returnsFrom = p.position;
        parseTypeName(p);
        returnsTo = p.position;
      }
      p.finish();
      continue;
    }
    if (p.mysql && !atMysqlCharacteristic(p)) {
      // MySQL: the body is one statement of its stored-program language (often BEGIN … END).
      p.start(SyntaxKind.RoutineBody);
      parseMysqlProgramBody(p);
      p.finish();
      mysqlBody = true;
      break;
    }
    if (p.atKw("begin") || (p.atKw("return") && !p.sqlite)) {
      parseStandardBody(p);
      continue;
    }
    p.start(SyntaxKind.RoutineOption);
    const w = p.word;
    if (p.at(SyntaxKind.Word)) {
      switch (w) {
        case "language":
          p.bump();
          language = parseLanguageName(p);
          break;
        case "as":
          p.bump();
          if (p.at(SyntaxKind.String)) {
            body = bodyContent(p.tokenText(), p.relativeStart());
            p.start(SyntaxKind.RoutineBody);
            p.bump();
            // A body continued on the next line (`'select 1'` then `'+ 1'`) is one string whose
            // text is not the host's: not read as embedded SQL.
            if (p.bumpStringContinuations()) body = undefined;
            p.finish();
            if (p.eat(SyntaxKind.Comma)) p.expect(SyntaxKind.String, "link symbol");
          } else p.expected("function body string");
          break;
        case "immutable":
        case "stable":
        case "volatile":
        case "strict":
        case "leakproof":
        case "window":
          p.bump();
          break;
        case "not":
          if (p.nthKw(1, "leakproof")) {
            p.bump();
            p.bump();
          } else {
            if (p.postgres) p.wrongDialect("NOT DETERMINISTIC", "PostgreSQL's functions say IMMUTABLE, STABLE or VOLATILE");
            parseSqlCharacteristic(p);
          }
          break;
        case "deterministic":
        case "contains":
        case "no":
        case "reads":
        case "modifies":
        case "sql":
        case "comment":
          // (MySQL's characteristics: `language by sql security definer` read SQL SECURITY.)
          if (p.postgres) p.wrongDialect(`${w.toUpperCase()} …`, "a MySQL routine characteristic; PostgreSQL's are IMMUTABLE / STABLE / VOLATILE, [EXTERNAL] SECURITY DEFINER, …");
          parseSqlCharacteristic(p);
          break;
        case "transform":
          // TRANSFORM FOR TYPE t [, FOR TYPE u …]
          p.bump();
          do {
            p.expectKw("for");
            p.expectKw("type");
            parseTypeName(p);
          } while (p.eat(SyntaxKind.Comma));
          break;
        default:
          parseSharedRoutineOption(p, w);
          break;
      }
    }
    p.finish();
    if (p.position === progress) p.errorBump("expected a routine option");
  }
  if (p.mysql && !mysqlBody) p.expected("routine body");
  if (p.postgres && !procedure && (params.outs > 0 || trigger !== undefined)) checkRoutineSignature(p, params, { returnsFrom, returnsTo, table, trigger, paramsFrom: signatureFrom + 1, paramsTo, language });
  if (body && (language === "sql" || language === "plpgsql")) p.addEmbedded({ start: body.start, text: body.text, language, names, routine, returns: { procedure, set, void: returnsVoid, outParameters, trigger }, doubledQuotes: body.doubledQuotes });
}

/**
 * Whether a MySQL routine characteristic starts here (COMMENT, LANGUAGE SQL, [NOT]
 * DETERMINISTIC, CONTAINS SQL, NO SQL, READS / MODIFIES SQL DATA, SQL SECURITY): any
 * other word begins the body.
 */
function atMysqlCharacteristic(p: Parser): boolean {
  switch (p.at(SyntaxKind.Word) ? p.word : undefined) {
    case "comment":
    case "language":
    case "deterministic":
    case "contains":
    case "reads":
    case "modifies":
      return true;
    case "not":
      return p.nthKw(1, "deterministic");
    case "no":
    case "sql":
      return p.nthKw(1, p.word === "no" ? "sql" : "security");
    default:
      return false;
  }
}

/**
 * A routine characteristic of the SQL standard (MySQL's, also taken by PostgreSQL's grammar where
 * it has them): `[NOT] DETERMINISTIC`, `CONTAINS SQL`, `NO SQL`, `READS SQL DATA`, `MODIFIES SQL
 * DATA`, `SQL SECURITY {DEFINER | INVOKER}`, `COMMENT 'text'`. The caller checked the first word.
 */
export function parseSqlCharacteristic(p: Parser): void {
  switch (p.word) {
    case "not":
      p.bump();
      p.expectKw("deterministic");
      return;
    case "contains":
    case "no":
      p.bump();
      p.expectKw("sql");
      return;
    case "reads":
    case "modifies":
      p.bump();
      p.expectKw("sql");
      p.expectKw("data");
      return;
    case "sql":
      p.bump();
      p.expectKw("security");
      if (!p.eatKw("definer")) p.expectKw("invoker");
      return;
    case "comment":
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
      return;
    default:
      p.bump(); // DETERMINISTIC
  }
}

/**
 * MySQL's ALTER FUNCTION / PROCEDURE: its characteristics (LANGUAGE SQL and the ones of
 * `parseSqlCharacteristic` but [NOT] DETERMINISTIC, which only CREATE takes), as many as
 * written; returns whether it read any.
 */
export function parseMysqlAlterCharacteristics(p: Parser): boolean {
  let any = false;
  while (atMysqlCharacteristic(p) && !p.atKw("deterministic") && !p.atKw("not")) {
    p.start(SyntaxKind.RoutineOption);
    if (p.eatKw("language")) p.expectKw("sql");
    else parseSqlCharacteristic(p);
    p.finish();
    any = true;
  }
  return any;
}

/**
 * What follows `SET name` where a routine, role or database attaches a configuration
 * parameter: `FROM CURRENT`, or `TO`/`=` and one or more comma-separated values
 * (strings, numbers or words).
 */
export function parseSetParameterValue(p: Parser): void {
  if (p.eatKw("from")) p.expectKw("current");
  else {
    if (!p.eatKw("to")) p.expectOp("=");
    do {
      // A word is a name (`search_path = public, pg_temp`) or a keyword value (`on`): kept as written.
      if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || atLabel(p) || atSubstitutedName(p)) p.bump(p.at(SyntaxKind.Word) ? SyntaxKind.Ident : undefined);
      else p.expected("value");
    } while (p.eat(SyntaxKind.Comma));
  }
}

/**
 * The routine options that CREATE and ALTER FUNCTION/PROCEDURE spell the same way
 * (null-input behaviour, security, parallel safety, cost/rows, support, SET). Returns
 * false, consuming nothing, for any other word.
 */
export function parseSharedRoutineOption(p: Parser, word: string | undefined): boolean {
  switch (word) {
    case "called":
      p.bump();
      p.expectKw("on");
      p.expectKw("null");
      p.expectKw("input");
      return true;
    case "external":
    case "security":
      p.eatKw("external");
      p.expectKw("security");
      if (!p.eatKw("definer")) p.expectKw("invoker");
      return true;
    case "parallel":
      p.bump();
      // (A name in PostgreSQL's grammar, no reserved word: `PARALLEL TO` is an error.)
      if (p.postgres) expectIdent(p, "SAFE, RESTRICTED or UNSAFE");
      else expectLabel(p, "SAFE, RESTRICTED or UNSAFE");
      return true;
    case "cost":
    case "rows":
      p.bump();
      p.expect(SyntaxKind.Number, "number");
      return true;
    case "support":
      p.bump();
      parseQualifiedName(p);
      return true;
    case "set":
      p.bump();
      parseQualifiedName(p, "parameter");
      parseSetParameterValue(p);
      return true;
    case "reset":
      // RESET parameter | RESET ALL (PostgreSQL's grammar takes it in CREATE FUNCTION too).
      if (!p.postgres) return false;
      p.bump();
      if (p.atKw("all")) p.bump();
      else parseQualifiedName(p, "parameter");
      return true;
    default:
      return false;
  }
}

/**
 * The content of a `$tag$…$tag$` or `'…'` body, with its offset; `undefined` when the string is
 * not one of those. A `'…'` body that holds quotes has each written twice (`doubledQuotes`): it is
 * read in place all the same, so its tree and diagnostics keep host offsets.
 */
export function bodyContent(token: string, start: number): { start: number; text: string; doubledQuotes: boolean } | undefined {
  if (token.startsWith("$")) {
    const tagEnd = token.indexOf("$", 1);
    if (tagEnd < 0) return undefined;
    const tag = token.slice(0, tagEnd + 1);
    if (!token.endsWith(tag) || token.length < tag.length * 2) return undefined;
    return { start: start + tag.length, text: token.slice(tag.length, token.length - tag.length), doubledQuotes: false };
  }
  if (token.startsWith("'") && token.endsWith("'") && token.length >= 2) {
    const inner = token.slice(1, -1);
    return { start: start + 1, text: inner, doubledQuotes: inner.includes("'") };
  }
  return undefined;
}

/**
 * The language name after `LANGUAGE` (its keyword consumed): a name or, as PostgreSQL also
 * takes, a string (`LANGUAGE 'plpgsql'`, common in older scripts). Returns it lower-cased,
 * `undefined` when neither is there (reported).
 */
export function parseLanguageName(p: Parser): string | undefined {
  if (p.at(SyntaxKind.String)) {
    const language = unquote(p.literalText()).toLowerCase();
    p.bump();
    // (`LANGUAGE 'sql'` then a string on the next line is one name, which no language has.)
    return p.bumpStringContinuations() ? "" : language;
  }
  if (atFullyReservedWord(p)) {
    reservedAsName(p, "a language name");
    return undefined;
  }
  if (atLabel(p)) {
    const language = p.word ?? p.tokenText().toLowerCase();
    p.bumpIdent();
    return language;
  }
  p.expected("language name");
  return undefined;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith("'") ? text.slice(1, -1) : text;
}

/**
 * What a signature may hold beyond `[mode] [name] type, …`: an aggregate's `*` and
 * `ORDER BY` (ordered-set aggregates), an operator's `NONE` for a missing operand.
 */
export interface SignatureForms {
  readonly star?: boolean;
  readonly orderBy?: boolean;
  readonly none?: boolean;
  /** An operator's name: exactly two types (`(int, int)`, `(NONE, int)`). */
  readonly operator?: boolean;
  /** Filled with each parameter's mode and type (CREATE FUNCTION's signature checks). */
  readonly params?: ParamSummary;
}

/**
 * `( [mode] [name] type [DEFAULT expr], … )`: a routine's parameters in CREATE, and the
 * argument types that name a routine, aggregate or operator in DROP, ALTER and COMMENT ON.
 */
export function parseRoutineParams(p: Parser, forms: SignatureForms = {}): void {
  p.start(SyntaxKind.ParamList);
  if (!p.expect(SyntaxKind.LParen, "'('")) {
    p.finish();
    return;
  }
  if (forms.star && p.atOp("*")) p.bump();
  // An aggregate is named with `(*)` or its argument types, never `()`.
  else if (forms.star && p.postgres && p.at(SyntaxKind.RParen)) p.expected("'*' or the aggregate's argument types");
  else if (!p.at(SyntaxKind.RParen)) {
    let count = 0;
    do {
      count++;
      if (forms.orderBy && p.atKw("order") && p.nthKw(1, "by")) {
        p.bump();
        p.bump();
      }
      p.start(SyntaxKind.RoutineParam);
      if (forms.none && p.atKw("none")) {
        p.bump();
        p.finish();
        continue;
      }
      if (forms.none && p.postgres) {
        // An operator's argument types: a type each, no mode, name or default.
        parseTypeName(p);
        p.finish();
        continue;
      }
      let named = false;
      let mode: ParamMode = "in";
      if (atParamMode(p, 0)) mode = bumpParamMode(p);
      else if (p.postgres && atLabel(p) && atParamMode(p, 1)) {
        // PostgreSQL also takes the mode after the name: `blkno OUT bigint`.
        p.bumpIdent();
        mode = bumpParamMode(p);
        named = true;
      }
      // `SETOF type` is a type (a set-returning argument: `f(setof raster)`), never a name and a type.
      if (!named && atLabel(p) && (atLabel(p, 1) || atSubstitutedName(p, 1)) && !TYPE_CONTINUATIONS.has(p.wordAt(1) ?? "") && !isTypeWithTz(p) && !(p.postgres && (p.atKw("setof") || atMultiWordType(p))) && !(forms.orderBy && p.nthKw(1, "order") && p.nthKw(2, "by"))) {
        // PostgreSQL names a parameter by a type_function_name: no reserved word and no column-name
        // keyword (type keywords such as int or varchar, `values`, …).
        if (p.postgres && !atTypeFunctionName(p)) p.expected("parameter name");
        p.bumpIdent();
      }
      // MySQL names every parameter, with an identifier: `IN n INT`, never `IN INT`.
      else if (!named && p.mysql) {
        if (atIdent(p) && atLabel(p, 1)) p.bumpIdent();
        else p.expected("parameter name");
      }
      const typeFrom = p.position;
      parseTypeName(p);
      forms.params?.add(mode, typeFrom, p.position);
      if (p.atKw("default") || p.atOp("=")) {
        p.bump();
        parseExpr(p);
      }
      p.finish();
    } while (p.eat(SyntaxKind.Comma) || (forms.orderBy === true && p.atKw("order") && p.nthKw(1, "by")));
    if (forms.operator && p.postgres && count !== 2 && p.at(SyntaxKind.RParen)) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "an operator is named with two argument types, NONE for the one a prefix operator lacks: (NONE, int)", start, end);
    }
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/**
 * `RETURNS TABLE (name type, …)` at `(`: one or more columns, each a name (a PostgreSQL
 * `type_function_name`) and a type — no mode and no default, unlike a parameter.
 */
function parseReturnsTableColumns(p: Parser): void {
  p.start(SyntaxKind.ParamList);
  p.bump();
  if (p.at(SyntaxKind.RParen)) p.expected("column name");
  else {
    do {
      p.start(SyntaxKind.RoutineParam);
      if (atLabel(p) && (atLabel(p, 1) || atSubstitutedName(p, 1))) {
        if (!atTypeFunctionName(p)) p.expected("column name");
        p.bumpIdent();
      } else p.expected("column name and type");
      parseTypeName(p);
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

/** Whether the n-th token is a parameter mode: IN, OUT, INOUT or VARIADIC. */
function atParamMode(p: Parser, n: number): boolean {
  return p.nthKw(n, "in") || p.nthKw(n, "out") || p.nthKw(n, "inout") || p.nthKw(n, "variadic");
}

/** A parameter mode (`IN OUT` is one, INOUT). */
function bumpParamMode(p: Parser): ParamMode {
  let mode = p.word as ParamMode;
  if (p.atKw("in") && p.nthKw(1, "out")) {
    p.bump();
    mode = "inout";
  }
  p.bump();
  return mode;
}

function isTypeWithTz(p: Parser): boolean {
  const w = p.word;
  return (w === "double" && p.nthKw(1, "precision")) || ((w === "character" || w === "bit") && p.nthKw(1, "varying"));
}

/** `RETURN expr` or `BEGIN ATOMIC stmt; … END` (SQL-standard bodies), or a BEGIN … END block. */
function parseStandardBody(p: Parser): void {
  p.start(SyntaxKind.RoutineBody);
  if (p.eatKw("return")) parseExpr(p);
  else parseBlock(p);
  p.finish();
}

/** `BEGIN [ATOMIC] stmt; … END` with the statements parsed as SQL. */
export function parseBlock(p: Parser): void {
  p.bump(); // BEGIN
  p.eatKw("atomic");
  // SQLite's trigger bodies hold one statement or more and no empty one (`;;`); PostgreSQL's
  // BEGIN ATOMIC takes both.
  let afterStatement = false;
  let statements = 0;
  const savedTriggerBody = p.sqliteTriggerBody;
  p.sqliteTriggerBody = p.sqlite;
  while (!p.atEnd && !(p.atKw("end") && !p.nthKw(1, "if") && !p.nthKw(1, "loop") && !p.nthKw(1, "while") && !p.nthKw(1, "repeat") && !p.nthKw(1, "case"))) {
    const progress = p.position;
    if (p.at(SyntaxKind.Semicolon)) {
      if (p.sqlite && !afterStatement) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "unexpected ';': a trigger body holds no empty statement in SQLite", start, end);
      }
      p.bump();
      afterStatement = false;
    } else {
      afterStatement = true;
      statements++;
      if (p.enter()) {
        parseStatement(p);
        p.leave();
      }
      if (!p.at(SyntaxKind.Semicolon) && !p.atKw("end") && !p.atEnd) p.recoverUntil(() => p.at(SyntaxKind.Semicolon) || p.atKw("end"));
      // Every statement of the block ends with `;`, the last one too (BEGIN ATOMIC, trigger bodies).
      else if (p.atKw("end")) p.expected("';'");
    }
    if (p.position === progress) p.errorBump();
  }
  p.sqliteTriggerBody = savedTriggerBody;
  if (p.sqlite && statements === 0 && p.atKw("end")) p.expected("statement");
  p.expectKw("end");
}

/** The rest of CREATE TRIGGER after the keyword (PostgreSQL, MySQL and SQLite forms). */
export function parseCreateTriggerRest(p: Parser, constraint = false): void {
  if (p.atKw("if") && (p.nthKw(1, "not") || !p.postgres)) parseIfNotExists(p);
  parseQualifiedName(p, "trigger name");
  // MySQL: {BEFORE | AFTER} {INSERT | UPDATE | DELETE} ON t FOR EACH ROW [FOLLOWS | PRECEDES t] body;
  // the first of the other dialects' forms found is reported.
  let mysqlReported = false;
  const notMysql = (what: string): void => {
    if (!p.mysql || mysqlReported) return;
    p.wrongDialect(what, "MySQL's triggers are {BEFORE | AFTER} {INSERT | UPDATE | DELETE} ON table FOR EACH ROW, then the body");
    mysqlReported = true;
  };
  if (p.atKw("before") || p.atKw("after")) p.bump();
  else if (p.atKw("instead")) {
    notMysql("INSTEAD OF");
    p.bump();
    p.expectKw("of");
  } else if (!p.sqlite) p.expected("BEFORE, AFTER or INSTEAD OF");
  do {
    p.start(SyntaxKind.TriggerEvent);
    if (p.atKw("truncate")) notMysql("a TRUNCATE trigger");
    if (p.atKw("insert") || p.atKw("delete") || p.atKw("truncate")) p.bump();
    else if (p.atKw("update")) {
      p.bump();
      if (p.atKw("of")) notMysql("UPDATE OF columns");
      if (p.eatKw("of")) {
        do expectIdent(p, "column name");
        while (p.eat(SyntaxKind.Comma));
      }
    } else p.expected("INSERT, UPDATE, DELETE or TRUNCATE");
    p.finish();
    if (p.atKw("or")) notMysql("several events");
  } while (p.eatKw("or"));
  p.expectKw("on");
  parseQualifiedName(p, "table name");
  let forEachRow = false;
  for (let guard = 0; guard < 16; guard++) {
    const progress = p.position;
    // FROM and the DEFERRABLE attributes belong to constraint triggers only (PostgreSQL).
    if (p.atKw("from") && (constraint || !p.postgres)) {
      notMysql("FROM");
      p.bump();
      parseQualifiedName(p);
    } else if ((p.atKw("not") && p.nthKw(1, "deferrable")) || p.atKw("deferrable") || p.atKw("initially")) {
      notMysql("DEFERRABLE");
      if (p.postgres && !constraint) {
        const [start, end] = p.currentRange();
        p.report(SyntaxCode.UnexpectedToken, "only a constraint trigger is deferrable: CREATE CONSTRAINT TRIGGER", start, end);
      }
      if (p.eatKw("not")) p.bump();
      else if (!p.eatKw("deferrable")) {
        p.bump();
        if (!p.eatKw("deferred")) p.expectKw("immediate");
      }
    } else if (p.atKw("referencing")) {
      notMysql("REFERENCING");
      p.bump();
      if (!p.atKw("old") && !p.atKw("new")) p.expected("OLD TABLE or NEW TABLE");
      while (p.atKw("old") || p.atKw("new")) {
        p.bump();
        if (!p.eatKw("table")) p.expectKw("row");
        p.eatKw("as");
        expectIdent(p, "transition name");
      }
    } else if (p.atKw("for")) {
      p.bump();
      // SQLite and MySQL spell out FOR EACH ROW; PostgreSQL makes EACH optional, but for a
      // constraint trigger.
      if (!p.eatKw("each") && (!p.postgres || constraint)) p.expectKw("each");
      if (p.eatKw("row")) forEachRow = true;
      else {
        if (p.atKw("statement")) notMysql("FOR EACH STATEMENT");
        p.expectKw("statement");
      }
    } else if (p.atKw("follows") || p.atKw("precedes")) {
      p.bump();
      expectIdent(p, "trigger name");
    } else if (p.atKw("when")) {
      notMysql("WHEN");
      p.bump();
      if (p.postgres) {
        expectParenthesizedExpr(p);
      } else parseExpr(p);
    } else break;
    if (p.position === progress) break;
  }
  p.start(SyntaxKind.TriggerBody);
  // A constraint trigger fires for each row: FOR EACH ROW is required there.
  if (p.postgres && constraint && !forEachRow) p.expected("FOR EACH ROW (a constraint trigger fires per row)");
  if (!forEachRow) notMysql("a trigger without FOR EACH ROW");
  if (p.postgres) {
    p.expectKw("execute");
    if (!p.eatKw("function")) p.expectKw("procedure");
    parseRoutineName(p, "function name");
    parseTriggerFunctionArgs(p);
  } else if (p.mysql) parseMysqlProgramBody(p);
  else if (p.atKw("begin")) parseBlock(p);
  else p.expectKw("begin");
  p.finish();
}

/**
 * A PostgreSQL trigger function's arguments: `(a, 'b', 1, 2.5)`, constants the trigger hands to
 * the function as strings, so each is a number, a string or a word (any word, reserved ones
 * too) — no expressions, no signs.
 */
function parseTriggerFunctionArgs(p: Parser): void {
  p.start(SyntaxKind.ArgList);
  p.expect(SyntaxKind.LParen, "'('");
  if (!p.at(SyntaxKind.RParen) && !p.atStatementEnd) {
    do {
      const k = p.kind;
      if (k === SyntaxKind.Number || k === SyntaxKind.String) p.leaf(SyntaxKind.Literal, k);
      else if (atLabel(p)) p.bumpIdent();
      else p.expected("a trigger argument (a name, a number or a string)");
    } while (p.eat(SyntaxKind.Comma));
  }
  p.expect(SyntaxKind.RParen, "')'");
  p.finish();
}

export { parseParenNameList };
