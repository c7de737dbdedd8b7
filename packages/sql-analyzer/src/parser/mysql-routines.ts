import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseExpr } from "./expressions.js";
import { atIdent, expectIdent, expectLabel } from "./names.js";
import type { Checkpoint, Parser } from "./parser.js";
import { atSelectStart, parseSelectStmt } from "./select.js";
import { parseStatement } from "./statement.js";
import { parseTypeName } from "./types.js";

/**
 * MySQL's stored-program language: the statements that only the body of a CREATE
 * PROCEDURE / FUNCTION / TRIGGER / EVENT may hold (blocks, local declarations, IF, CASE,
 * loops, LEAVE / ITERATE, cursors, SIGNAL, GET DIAGNOSTICS). Every other statement of a
 * body is an ordinary SQL statement (`parseStatement`).
 *
 * Inside a body `;` separates statements (the splitter keeps a CREATE's `BEGIN … END`
 * in one segment), and every statement of a list ends with one, the last included.
 */

/**
 * The body of a routine, trigger or event, into the caller's open body node. An
 * unlabelled top-level `BEGIN … END` and a function's `RETURN expr` are written into
 * that node directly (the body is the block); anything else is one program statement.
 */
export function parseMysqlProgramBody(p: Parser): void {
  const labels: string[] = [];
  if (p.atKw("begin")) parseBlockRest(p, labels, undefined);
  else if (p.atKw("return")) {
    p.bump();
    parseExpr(p);
  } else parseProgramStatement(p, labels);
}

/**
 * MariaDB's `BEGIN NOT ATOMIC … END`: a compound statement outside any stored program
 * (in a `DELIMITER` region). MySQL 8, which the dialect follows, has no such thing: the
 * block is parsed (so one clear diagnostic stands for it, not one per inner statement)
 * and reported as another dialect's syntax.
 */
export function parseMariadbAnonymousBlock(p: Parser): void {
  p.start(SyntaxKind.BlockStmt);
  const [start] = p.currentRange();
  p.bump();
  p.bump();
  const end = p.currentRange()[1];
  p.bump();
  p.report(SyntaxCode.WrongDialect, "BEGIN NOT ATOMIC is MariaDB syntax, not MySQL's: MySQL runs compound statements only inside stored programs", start, end);
  parseStatementList(p, [], atEndWord, false);
  p.expectKw("end");
  p.finish();
}

/**
 * `GET [CURRENT | STACKED] DIAGNOSTICS …`, which MySQL also takes outside stored
 * programs (the statement dispatcher calls this for `GET`).
 */
export function parseGetDiagnostics(p: Parser): void {
  p.start(SyntaxKind.GetDiagnosticsStmt);
  p.bump();
  if (p.atKw("current") || p.atKw("stacked")) p.bump();
  p.expectKw("diagnostics");
  const condition = p.eatKw("condition");
  if (condition) parseExpr(p);
  do {
    p.start(SyntaxKind.Assignment);
    parseTarget(p);
    p.expectOp("=");
    const items = condition ? CONDITION_ITEMS : STATEMENT_ITEMS;
    if (p.at(SyntaxKind.Word) && items.has(p.word!)) p.bump();
    else p.expected(condition ? "condition information item" : "NUMBER or ROW_COUNT");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** Items of `GET DIAGNOSTICS target = item` (statement information). */
const STATEMENT_ITEMS = new Set(["number", "row_count"]);
/** Items of SIGNAL … SET and of `GET DIAGNOSTICS CONDITION n target = item`. */
const SIGNAL_ITEMS = new Set([
  "class_origin", "subclass_origin", "message_text", "mysql_errno", "constraint_catalog", "constraint_schema",
  "constraint_name", "catalog_name", "schema_name", "table_name", "column_name", "cursor_name",
]);
const CONDITION_ITEMS = new Set([...SIGNAL_ITEMS, "returned_sqlstate"]);

/** One statement of a stored-program body (`labels`: the enclosing blocks' and loops' labels). */
function parseProgramStatement(p: Parser, labels: string[]): void {
  if (!p.enter()) return;
  let cp: Checkpoint | undefined;
  let label: string | undefined;
  if (p.nth(1) === SyntaxKind.Colon && atIdent(p)) {
    cp = p.checkpoint();
    label = labelName(p.tokenText());
    p.start(SyntaxKind.Label);
    p.bumpIdent();
    p.bump();
    p.finish();
  }
  const w = p.at(SyntaxKind.Word) ? p.word! : "";
  if (label !== undefined && w !== "begin" && w !== "loop" && w !== "while" && w !== "repeat") {
    // Only blocks and loops take a label; parse the statement anyway.
    p.expected("BEGIN, LOOP, WHILE or REPEAT after a label");
    label = undefined;
    cp = undefined;
  }
  if (label !== undefined) labels.push(label);
  switch (w) {
    case "begin":
      open(p, cp, SyntaxKind.BlockStmt);
      parseBlockRest(p, labels, label);
      p.finish();
      break;
    case "loop":
      open(p, cp, SyntaxKind.LoopStmt);
      p.bump();
      parseStatementList(p, labels, atEndWord, true);
      parseEnd(p, "loop", label);
      p.finish();
      break;
    case "while":
      open(p, cp, SyntaxKind.WhileStmt);
      p.bump();
      parseExpr(p);
      p.expectKw("do");
      parseStatementList(p, labels, atEndWord, true);
      parseEnd(p, "while", label);
      p.finish();
      break;
    case "repeat":
      open(p, cp, SyntaxKind.RepeatStmt);
      p.bump();
      parseStatementList(p, labels, atUntil, true);
      p.expectKw("until");
      parseExpr(p);
      parseEnd(p, "repeat", label);
      p.finish();
      break;
    case "declare":
      parseDeclare(p, labels);
      break;
    case "if":
      parseIf(p, labels);
      break;
    case "case":
      parseCaseStatement(p, labels);
      break;
    case "leave":
    case "iterate":
      p.start(w === "leave" ? SyntaxKind.LeaveStmt : SyntaxKind.IterateStmt);
      p.bump();
      parseLabelReference(p, labels);
      p.finish();
      break;
    case "return":
      p.start(SyntaxKind.ReturnStmt);
      p.bump();
      parseExpr(p);
      p.finish();
      break;
    case "open":
    case "close":
      p.start(w === "open" ? SyntaxKind.OpenStmt : SyntaxKind.CloseStmt);
      p.bump();
      expectIdent(p, "cursor name");
      p.finish();
      break;
    case "fetch":
      parseFetchInto(p);
      break;
    case "signal":
    case "resignal":
      parseSignal(p);
      break;
    case "get":
      if (p.nthKw(1, "diagnostics") || ((p.nthKw(1, "current") || p.nthKw(1, "stacked")) && p.nthKw(2, "diagnostics"))) parseGetDiagnostics(p);
      else parseStatement(p);
      break;
    default:
      parseStatement(p);
  }
  if (label !== undefined) labels.pop();
  p.leave();
}

/** Opens `kind` at the label's checkpoint when there is one, else here. */
function open(p: Parser, cp: Checkpoint | undefined, kind: SyntaxKind): void {
  if (cp !== undefined) p.startAt(cp, kind);
  else p.start(kind);
}

/** A label's name for matching: labels are case-insensitive, and may be backquoted. */
function labelName(text: string): string {
  return (text.length >= 2 && text.charCodeAt(0) === 96 ? text.slice(1, -1) : text).toLowerCase();
}

function atEndWord(p: Parser): boolean {
  return p.atKw("end");
}
function atUntil(p: Parser): boolean {
  return p.atKw("until") || p.atKw("end");
}
function atIfBranch(p: Parser): boolean {
  return p.atKw("elseif") || p.atKw("else") || p.atKw("end");
}
function atCaseBranch(p: Parser): boolean {
  return p.atKw("when") || p.atKw("else") || p.atKw("end");
}

/**
 * Statements each ended by `;` until `stop` holds (at the word that closes the list).
 * `nonEmpty`: the list must hold a statement (every list but a block's).
 */
function parseStatementList(p: Parser, labels: string[], stop: (p: Parser) => boolean, nonEmpty: boolean): void {
  let count = 0;
  while (!p.atEnd && !stop(p)) {
    const progress = p.position;
    if (p.at(SyntaxKind.Semicolon)) {
      // An empty statement: MySQL's statement lists have none.
      p.expected("statement");
      p.bump();
      continue;
    }
    parseProgramStatement(p, labels);
    count++;
    if (!p.eat(SyntaxKind.Semicolon)) {
      p.expected("';'");
      if (!stop(p)) {
        p.recoverUntil(() => p.at(SyntaxKind.Semicolon) || stop(p));
        p.eat(SyntaxKind.Semicolon);
      }
    }
    if (p.position === progress) break;
  }
  if (nonEmpty && count === 0) p.expected("statement");
}

/** `BEGIN statements END [label]` at BEGIN. */
function parseBlockRest(p: Parser, labels: string[], label: string | undefined): void {
  p.bump();
  parseStatementList(p, labels, atEndWord, false);
  p.expectKw("end");
  parseEndLabel(p, label);
}

/** `END word [label]` closing a loop or a conditional. */
function parseEnd(p: Parser, word: string, label: string | undefined): void {
  p.expectKw("end");
  p.expectKw(word);
  parseEndLabel(p, label);
}

/** The optional label after END, which must repeat the begin label. */
function parseEndLabel(p: Parser, label: string | undefined): void {
  if (!atIdent(p)) return;
  const text = p.tokenText();
  const [start, end] = p.currentRange();
  p.start(SyntaxKind.Label);
  p.bumpIdent();
  p.finish();
  if (label === undefined) p.report(SyntaxCode.UnexpectedToken, `end label ${text} has no matching begin label`, start, end);
  else if (labelName(text) !== label) p.report(SyntaxCode.UnexpectedToken, `end label ${text} does not match the begin label`, start, end);
}

/** The label of LEAVE / ITERATE, which must be one of an enclosing block or loop. */
function parseLabelReference(p: Parser, labels: string[]): void {
  if (!atIdent(p)) {
    p.expected("label");
    return;
  }
  const text = p.tokenText();
  const [start, end] = p.currentRange();
  p.bumpIdent();
  if (!labels.includes(labelName(text))) p.report(SyntaxCode.UnexpectedToken, `no enclosing block or loop is labelled ${text}`, start, end);
}

/**
 * DECLARE: local variables `DECLARE a, b type [DEFAULT expr]`, conditions
 * `DECLARE c CONDITION FOR …`, cursors `DECLARE c CURSOR FOR select`, and handlers
 * `DECLARE {CONTINUE | EXIT | UNDO} HANDLER FOR condition, … statement`.
 */
function parseDeclare(p: Parser, labels: string[]): void {
  if ((p.nthKw(1, "continue") || p.nthKw(1, "exit") || p.nthKw(1, "undo")) && p.nthKw(2, "handler")) {
    p.start(SyntaxKind.DeclareHandlerStmt);
    p.bump();
    p.bump();
    p.bump();
    p.expectKw("for");
    do parseConditionValue(p, true);
    while (p.eat(SyntaxKind.Comma));
    if (p.at(SyntaxKind.Semicolon) || p.atEnd) p.expected("statement");
    else parseProgramStatement(p, labels);
    p.finish();
    return;
  }
  if (p.nthKw(2, "cursor")) {
    p.start(SyntaxKind.DeclareCursorStmt);
    p.bump();
    expectIdent(p, "cursor name");
    p.bump();
    p.expectKw("for");
    if (atSelectStart(p)) parseSelectStmt(p);
    else p.expected("SELECT");
    p.finish();
    return;
  }
  p.start(SyntaxKind.DeclareStmt);
  p.bump();
  if (p.nthKw(1, "condition")) {
    expectIdent(p, "condition name");
    p.bump();
    p.expectKw("for");
    if (p.at(SyntaxKind.Number) || p.atKw("sqlstate")) parseConditionValue(p, false);
    else p.expected("SQLSTATE or an error code");
    p.finish();
    return;
  }
  do expectIdent(p, "variable name");
  while (p.eat(SyntaxKind.Comma));
  parseTypeName(p);
  if (p.eatKw("collate")) expectLabel(p, "collation");
  if (p.eatKw("default")) parseExpr(p);
  p.finish();
}

/**
 * A condition as a ConditionValue: `SQLSTATE [VALUE] 'code'` or an error number, and for
 * handlers (`handler`) also a condition name, SQLWARNING, SQLEXCEPTION or NOT FOUND.
 */
function parseConditionValue(p: Parser, handler: boolean): void {
  p.start(SyntaxKind.ConditionValue);
  if (p.eatKw("sqlstate")) {
    p.eatKw("value");
    p.expect(SyntaxKind.String, "SQLSTATE value (a string literal)");
  } else if (p.at(SyntaxKind.Number)) p.bump();
  else if (handler && p.atKw("not")) {
    p.bump();
    p.expectKw("found");
  } else if (handler && (p.atKw("sqlwarning") || p.atKw("sqlexception"))) p.bump();
  else if (handler) expectIdent(p, "condition");
  else p.expected("SQLSTATE or an error code");
  p.finish();
}

/** `IF cond THEN statements [ELSEIF cond THEN statements]… [ELSE statements] END IF` */
function parseIf(p: Parser, labels: string[]): void {
  p.start(SyntaxKind.IfStmt);
  p.bump();
  parseExpr(p);
  p.expectKw("then");
  parseStatementList(p, labels, atIfBranch, true);
  while (p.atKw("elseif")) {
    p.start(SyntaxKind.ElseIfClause);
    p.bump();
    parseExpr(p);
    p.expectKw("then");
    parseStatementList(p, labels, atIfBranch, true);
    p.finish();
  }
  if (p.atKw("else")) {
    p.start(SyntaxKind.ElseClause);
    p.bump();
    parseStatementList(p, labels, atIfBranch, true);
    p.finish();
  }
  parseEnd(p, "if", undefined);
  p.finish();
}

/** `CASE [value] WHEN x THEN statements … [ELSE statements] END CASE` */
function parseCaseStatement(p: Parser, labels: string[]): void {
  p.start(SyntaxKind.CaseStmt);
  p.bump();
  if (!p.atKw("when")) parseExpr(p);
  if (!p.atKw("when")) p.expected("WHEN");
  while (p.atKw("when")) {
    p.start(SyntaxKind.WhenClause);
    p.bump();
    parseExpr(p);
    p.expectKw("then");
    parseStatementList(p, labels, atCaseBranch, true);
    p.finish();
  }
  if (p.atKw("else")) {
    p.start(SyntaxKind.ElseClause);
    p.bump();
    parseStatementList(p, labels, atCaseBranch, true);
    p.finish();
  }
  parseEnd(p, "case", undefined);
  p.finish();
}

/** `FETCH [[NEXT] FROM] cursor INTO variable, …` */
function parseFetchInto(p: Parser): void {
  p.start(SyntaxKind.FetchStmt);
  p.bump();
  if (p.eatKw("next")) p.expectKw("from");
  else p.eatKw("from");
  expectIdent(p, "cursor name");
  p.expectKw("into");
  do parseTarget(p);
  while (p.eat(SyntaxKind.Comma));
  p.finish();
}

/** A variable that receives a value: a local variable or `@user_variable`. */
function parseTarget(p: Parser): void {
  if (p.at(SyntaxKind.Param) || p.at(SyntaxKind.Variable)) p.bump();
  else expectIdent(p, "variable");
}

/** `SIGNAL condition [SET item = value, …]` / `RESIGNAL [condition] [SET …]` */
function parseSignal(p: Parser): void {
  p.start(SyntaxKind.SignalStmt);
  const resignal = p.atKw("resignal");
  p.bump();
  if (p.atKw("sqlstate")) parseConditionValue(p, false);
  else if (atIdent(p) && !p.atKw("set")) {
    p.start(SyntaxKind.ConditionValue);
    p.bumpIdent();
    p.finish();
  } else if (!resignal) p.expected("SQLSTATE or a condition name");
  if (p.eatKw("set")) {
    do {
      p.start(SyntaxKind.Assignment);
      if (p.at(SyntaxKind.Word) && SIGNAL_ITEMS.has(p.word!)) p.bump();
      else p.expected("condition information item (MESSAGE_TEXT, MYSQL_ERRNO, …)");
      p.expectOp("=");
      parseExpr(p);
      p.finish();
    } while (p.eat(SyntaxKind.Comma));
  }
  p.finish();
}
