import { Kw } from "../lexer/keyword-ids.js";
import { SyntaxCode } from "../diagnostic.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { parseColumnDef, parseIfExists, parseIfNotExists, parseOptionList, parsePartitionBound, parseSequenceOptions, parseTableConstraint } from "./ddl-table.js";
import { parseExpr } from "./expressions.js";
import { atLabel, expectIdent, expectLabel, parseQualifiedName, parseTableNameList } from "./names.js";
import { parseAlterDefaultPrivileges, parseAlterRole } from "./utility-more.js";
import type { Checkpoint, Parser } from "./parser.js";
import { parseSharedRoutineOption } from "./ddl-routine.js";
import { parseTypeName } from "./types.js";

const DROP_OBJECTS = new Set([
  "table", "index", "view", "schema", "sequence", "type", "domain", "function", "procedure", "trigger", "extension",
  "database", "materialized", "role", "user", "aggregate", "operator", "policy", "rule", "collation", "server",
  "publication", "subscription", "tablespace", "event", "routine", "cast", "owned", "statistics", "foreign", "language",
]);

/** DROP <object> [CONCURRENTLY] [IF EXISTS] names [(args)] [ON table] [CASCADE|RESTRICT] */
export function parseDrop(p: Parser, cp: Checkpoint): boolean {
  if (!(p.nth(1) === SyntaxKind.Word && DROP_OBJECTS.has(p.wordAt(1)!))) return false;
  void cp;
  p.start(SyntaxKind.DropStmt);
  p.bump();
  p.start(SyntaxKind.ObjectKind);
  const object = p.word;
  p.bump();
  if (object === "materialized") p.expectK(Kw.view);
  if (object === "foreign") {
    if (!p.eatK(Kw.table)) {
      p.expectK(Kw.data);
      p.expectK(Kw.wrapper);
    }
  }
  if (object === "temporary" || object === "temp") p.eatK(Kw.table);
  p.finish();
  p.eatK(Kw.concurrently);
  if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
  p.start(SyntaxKind.NameList);
  do {
    parseQualifiedName(p, "object name");
    if (p.at(SyntaxKind.LParen) && (object === "function" || object === "procedure" || object === "aggregate" || object === "routine")) p.bumpBalanced(true);
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  if (p.atK(Kw.on) && (object === "trigger" || object === "policy" || object === "rule" || object === "index")) {
    p.bump();
    parseQualifiedName(p, "table name");
  }
  if (p.atK(Kw.cascade) || p.atK(Kw.restrict)) p.bump();
  p.finish();
  return true;
}

/** TRUNCATE [TABLE] [ONLY] names [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT] */
export function parseTruncate(p: Parser): void {
  p.start(SyntaxKind.TruncateStmt);
  p.bump();
  p.eatK(Kw.table);
  p.start(SyntaxKind.NameList);
  parseTableNameList(p);
  p.finish();
  if (p.atK(Kw.restart) || p.atK(Kw.continue)) {
    p.bump();
    p.expectK(Kw.identity);
  }
  if (p.atK(Kw.cascade) || p.atK(Kw.restrict)) p.bump();
  p.finish();
}

/** MySQL `RENAME TABLE a TO b, c TO d` */
export function parseRename(p: Parser, cp: Checkpoint): boolean {
  if (!p.mysql || !(p.nthK(1, Kw.table) || p.nthK(1, Kw.user))) return false;
  void cp;
  p.start(SyntaxKind.RenameStmt);
  p.bump();
  p.bump();
  do {
    p.start(SyntaxKind.RenamePair);
    parseQualifiedName(p, "table name");
    p.expectK(Kw.to);
    parseQualifiedName(p, "new name");
    p.finish();
  } while (p.eat(SyntaxKind.Comma));
  p.finish();
  return true;
}

/** ALTER TABLE with its actions, ALTER SEQUENCE, and the common ALTER forms of other objects. */
export function parseAlter(p: Parser, cp: Checkpoint): boolean {
  const object = p.wordAt(1);
  if ((object === "role" || object === "user" || object === "group") && !p.sqlite) {
    parseAlterRole(p);
    return true;
  }
  if (object === "default" && p.nthK(2, Kw.privileges) && p.postgres) {
    parseAlterDefaultPrivileges(p);
    return true;
  }
  if (object === "table" && p.nthK(2, Kw.all) && p.nthK(3, Kw.in) && p.postgres) {
    // ALTER TABLE ALL IN TABLESPACE a [OWNED BY r] SET TABLESPACE b [NOWAIT]
    p.start(SyntaxKind.AlterTableStmt);
    p.bump();
    p.bump();
    p.bump();
    p.bump();
    p.expectK(Kw.tablespace);
    expectIdent(p, "tablespace");
    if (p.eatK(Kw.owned)) {
      p.expectK(Kw.by);
      do expectLabel(p, "role");
      while (p.eat(SyntaxKind.Comma));
    }
    p.start(SyntaxKind.AlterAction);
    p.expectK(Kw.set);
    p.expectK(Kw.tablespace);
    expectIdent(p, "tablespace");
    p.eatK(Kw.nowait);
    p.finish();
    p.finish();
    return true;
  }
  if (object === "table" || (object === "foreign" && p.nthK(2, Kw.table))) {
    p.start(SyntaxKind.AlterTableStmt);
    p.bump();
    if (p.eatK(Kw.foreign)) p.bump();
    else p.bump();
    if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
    p.eatK(Kw.only);
    parseQualifiedName(p, "table name");
    p.eatOp("*");
    do parseAlterTableAction(p);
    while (p.eat(SyntaxKind.Comma));
    p.finish();
    return true;
  }
  if (object === "sequence") {
    p.start(SyntaxKind.AlterSequenceStmt);
    p.bump();
    p.bump();
    if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
    parseQualifiedName(p, "sequence name");
    if (!parseCommonAlterTail(p)) {
      if (!p.at(SyntaxKind.Word)) p.expected("sequence option");
      parseSequenceOptions(p);
    }
    p.finish();
    return true;
  }
  const supported = ["index", "view", "schema", "type", "domain", "function", "procedure", "materialized", "extension", "trigger", "database", "routine"];
  if (object === undefined || !supported.includes(object)) return false;
  void cp;
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  p.start(SyntaxKind.ObjectKind);
  p.bump();
  if (object === "materialized") p.expectK(Kw.view);
  p.finish();
  if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
  parseQualifiedName(p, "object name");
  if (p.at(SyntaxKind.LParen) && (object === "function" || object === "procedure" || object === "routine")) p.bumpBalanced(true);
  if (object === "trigger") {
    p.expectK(Kw.on);
    parseQualifiedName(p, "table name");
  }
  if (p.atEnd || p.at(SyntaxKind.Semicolon)) p.expected("ALTER action");
  else if (!parseCommonAlterTail(p)) {
    if (object === "type" && p.atK(Kw.add)) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      if (p.eatK(Kw.value)) {
        if (p.atK(Kw.if) && (p.nthK(1, Kw.not) || !p.postgres)) parseIfNotExists(p);
        p.expect(SyntaxKind.String, "string literal");
        if (p.atK(Kw.before) || p.atK(Kw.after)) {
          p.bump();
          p.expect(SyntaxKind.String, "string literal");
        }
      } else {
        p.expectK(Kw.attribute);
        parseColumnDef(p);
      }
      p.finish();
    } else if (object === "type" && p.atK(Kw.rename) && p.nthK(1, Kw.value)) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      p.bump();
      p.expect(SyntaxKind.String, "string literal");
      p.expectK(Kw.to);
      p.expect(SyntaxKind.String, "string literal");
      p.finish();
    } else if (object === "extension" && p.atK(Kw.update)) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      if (p.eatK(Kw.to)) {
        if (p.at(SyntaxKind.String)) p.bump();
        else expectLabel(p, "version");
      }
      p.finish();
    } else if (object === "domain" && (p.atK(Kw.set) || p.atK(Kw.drop) || p.atK(Kw.add))) {
      p.start(SyntaxKind.AlterAction);
      if (p.eatK(Kw.add)) parseTableConstraint(p);
      else if (p.eatK(Kw.set)) {
        if (p.eatK(Kw.default)) parseExpr(p);
        else {
          p.expectK(Kw.not);
          p.expectK(Kw.null);
        }
      } else {
        p.bump();
        if (p.eatK(Kw.default)) {
          /* ok */
        } else if (p.eatK(Kw.not)) p.expectK(Kw.null);
        else {
          p.expectK(Kw.constraint);
          if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
          expectIdent(p);
          if (p.atK(Kw.cascade) || p.atK(Kw.restrict)) p.bump();
        }
      }
      p.finish();
    } else if ((object === "view" || object === "materialized") && p.atK(Kw.alter)) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      p.eatK(Kw.column);
      expectIdent(p, "column name");
      if (p.eatK(Kw.set)) {
        p.expectK(Kw.default);
        parseExpr(p);
      } else {
        p.expectK(Kw.drop);
        p.expectK(Kw.default);
      }
      p.finish();
    } else if ((object === "function" || object === "procedure" || object === "routine") && p.at(SyntaxKind.Word)) {
      while (p.at(SyntaxKind.Word) && !p.atK(Kw.restrict)) {
        const progress = p.position;
        p.start(SyntaxKind.RoutineOption);
        parseAlterRoutineOption(p);
        p.finish();
        if (p.position === progress) break;
      }
      p.eatK(Kw.restrict);
      unsupportedTail(p);
    } else if ((object === "index" || object === "view" || object === "materialized") && p.atK(Kw.set) && p.nth(1) === SyntaxKind.LParen) {
      p.start(SyntaxKind.AlterAction);
      p.bump();
      parseOptionList(p);
      p.finish();
    } else unsupportedTail(p);
  }
  p.finish();
  return true;
}

/** Consumes the rest of a statement whose remaining form is not modelled, with an info diagnostic. */
export function unsupportedTail(p: Parser): void {
  if (p.atEnd || p.at(SyntaxKind.Semicolon)) return;
  const [start] = p.currentRange();
  p.start(SyntaxKind.Error);
  while (!p.atEnd && !p.at(SyntaxKind.Semicolon)) p.bumpBalancedKeyword();
  p.finish();
  p.report(SyntaxCode.UnsupportedStatement, "this form of the statement is not supported by the parser yet", start, p.prevEnd(), "info");
}

/** RENAME TO x / OWNER TO r / SET SCHEMA s — shared by most ALTER forms. */
function parseCommonAlterTail(p: Parser): boolean {
  if (p.atK(Kw.rename) && p.nthK(1, Kw.to)) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectIdent(p, "new name");
    p.finish();
    return true;
  }
  if (p.atK(Kw.owner) && p.nthK(1, Kw.to)) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectLabel(p, "role");
    p.finish();
    return true;
  }
  if (p.atK(Kw.set) && p.nthK(1, Kw.schema)) {
    p.start(SyntaxKind.AlterAction);
    p.bump();
    p.bump();
    expectIdent(p, "schema name");
    p.finish();
    return true;
  }
  return false;
}

function parseAlterTableAction(p: Parser): void {
  p.start(SyntaxKind.AlterAction);
  const w = p.word;
  switch (w) {
    case "add":
      p.bump();
      if (p.atK(Kw.constraint) || p.atK(Kw.primary) || p.atK(Kw.unique) || p.atK(Kw.check) || p.atK(Kw.foreign) || p.atK(Kw.exclude) || (p.mysql && (p.atK(Kw.index) || p.atK(Kw.key) || p.atK(Kw.fulltext)))) {
        parseTableConstraint(p);
        if (p.atK(Kw.not) && p.nthK(1, Kw.valid)) {
          p.bump();
          p.bump();
        }
      } else {
        p.eatK(Kw.column);
        if (p.atK(Kw.if) && (p.nthK(1, Kw.not) || !p.postgres)) parseIfNotExists(p);
        parseColumnDef(p);
        if (p.mysql && (p.atK(Kw.first) || p.atK(Kw.after))) {
          if (p.eatK(Kw.after)) expectIdent(p);
          else p.bump();
        }
      }
      break;
    case "drop":
      p.bump();
      if (p.eatK(Kw.constraint)) {
        if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
        expectIdent(p, "constraint name");
      } else if (p.mysql && (p.atK(Kw.index) || p.atK(Kw.key) || p.atK(Kw.foreign) || p.atK(Kw.primary) || p.atK(Kw.check))) {
        const kw = p.word;
        p.bump();
        if (kw === "foreign" || kw === "primary") p.expectK(Kw.key);
        if (kw !== "primary") expectIdent(p);
      } else {
        p.eatK(Kw.column);
        if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
        expectIdent(p, "column name");
      }
      if (p.atK(Kw.cascade) || p.atK(Kw.restrict)) p.bump();
      break;
    case "alter":
      p.bump();
      p.eatK(Kw.column);
      expectIdent(p, "column name");
      if (p.atK(Kw.type) || (p.atK(Kw.set) && p.nthK(1, Kw.data))) {
        if (p.eatK(Kw.set)) p.bump();
        p.expectK(Kw.type);
        parseTypeName(p);
        if (p.atK(Kw.collate)) {
          p.bump();
          parseQualifiedName(p);
        }
        if (p.eatK(Kw.using)) parseExpr(p);
      } else if (p.eatK(Kw.set)) {
        if (p.eatK(Kw.default)) parseExpr(p);
        else if (p.eatK(Kw.not)) p.expectK(Kw.null);
        else if (p.eatK(Kw.statistics)) p.expect(SyntaxKind.Number, "number");
        else if (p.eatK(Kw.storage)) expectLabel(p);
        else if (p.eatK(Kw.generated)) {
          if (!p.eatK(Kw.always)) {
            p.expectK(Kw.by);
            p.expectK(Kw.default);
          }
        } else if (p.at(SyntaxKind.LParen)) parseOptionList(p);
        else if (p.eatK(Kw.visible) || p.eatK(Kw.invisible)) {
          /* mysql */
        } else p.expected("DEFAULT, NOT NULL, STATISTICS or STORAGE");
      } else if (p.eatK(Kw.drop)) {
        if (p.eatK(Kw.default)) {
          /* ok */
        } else if (p.eatK(Kw.not)) p.expectK(Kw.null);
        else if (p.eatK(Kw.identity)) {
          if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
        } else if (p.eatK(Kw.expression)) {
          if (p.atK(Kw.if) && (p.nthK(1, Kw.exists) || !p.postgres)) parseIfExists(p);
        } else p.expected("DEFAULT or NOT NULL");
      } else if (p.eatK(Kw.add)) {
        p.expectK(Kw.generated);
        if (!p.eatK(Kw.always)) {
          p.expectK(Kw.by);
          p.expectK(Kw.default);
        }
        p.expectK(Kw.as);
        p.expectK(Kw.identity);
        if (p.at(SyntaxKind.LParen)) p.bumpBalanced(true);
      } else p.expected("TYPE, SET, DROP or ADD");
      break;
    case "rename":
      p.bump();
      if (p.eatK(Kw.to) || p.eatK(Kw.as)) parseQualifiedName(p, "new name");
      else {
        if (p.eatK(Kw.constraint)) {
          /* ok */
        } else if (p.mysql && (p.atK(Kw.index) || p.atK(Kw.key))) p.bump();
        else p.eatK(Kw.column);
        expectIdent(p, "name");
        p.expectK(Kw.to);
        expectIdent(p, "new name");
      }
      break;
    case "owner":
      p.bump();
      p.expectK(Kw.to);
      expectLabel(p, "role");
      break;
    case "set":
      p.bump();
      if (p.eatK(Kw.schema) || p.eatK(Kw.tablespace)) expectIdent(p);
      else if (p.eatK(Kw.logged) || p.eatK(Kw.unlogged)) {
        /* ok */
      } else if (p.eatK(Kw.without)) expectLabel(p);
      else if (p.at(SyntaxKind.LParen)) parseOptionList(p);
      else p.expected("SCHEMA, TABLESPACE, LOGGED or '('");
      break;
    case "reset":
      p.bump();
      parseOptionList(p);
      break;
    case "attach":
      p.bump();
      p.expectK(Kw.partition);
      parseQualifiedName(p, "partition name");
      if (p.atK(Kw.default)) p.bump();
      else parsePartitionBound(p);
      break;
    case "detach":
      p.bump();
      p.expectK(Kw.partition);
      parseQualifiedName(p, "partition name");
      if (p.atK(Kw.concurrently) || p.atK(Kw.finalize)) p.bump();
      break;
    case "enable":
    case "disable":
      p.bump();
      if (p.atK(Kw.replica) || p.atK(Kw.always)) p.bump();
      if (p.eatK(Kw.trigger) || p.eatK(Kw.rule)) {
        if (!p.eatK(Kw.all) && !p.eatK(Kw.user)) expectIdent(p);
      } else if (p.eatK(Kw.row)) {
        p.expectK(Kw.level);
        p.expectK(Kw.security);
      } else if (p.mysql && p.eatK(Kw.keys)) {
        /* ok */
      } else p.expected("TRIGGER, RULE or ROW LEVEL SECURITY");
      break;
    case "validate":
      p.bump();
      p.expectK(Kw.constraint);
      expectIdent(p);
      break;
    case "inherit":
    case "no":
      p.bump();
      if (w === "no") p.expectK(Kw.inherit);
      parseQualifiedName(p);
      break;
    case "cluster":
      p.bump();
      p.expectK(Kw.on);
      expectIdent(p);
      break;
    case "modify":
    case "change":
      if (!p.mysql) {
        p.expected("ALTER TABLE action");
        break;
      }
      p.bump();
      p.eatK(Kw.column);
      if (w === "change") expectIdent(p, "column name");
      parseColumnDef(p);
      if (p.atK(Kw.first) || p.atK(Kw.after)) {
        if (p.eatK(Kw.after)) expectIdent(p);
        else p.bump();
      }
      break;
    default:
      if (p.mysql && atLabel(p)) {
        // Table options: ENGINE = InnoDB, AUTO_INCREMENT = 10, …
        p.bump();
        p.eatOp("=");
        if (p.at(SyntaxKind.String) || p.at(SyntaxKind.Number) || atLabel(p)) p.bump();
        break;
      }
      p.expected("ALTER TABLE action");
      if (!p.atEnd && !p.at(SyntaxKind.Semicolon)) p.recoverUntil(() => p.at(SyntaxKind.Comma) || p.at(SyntaxKind.Semicolon));
  }
  p.finish();
}

/** One action of ALTER FUNCTION/PROCEDURE (volatility, strictness, security, cost, SET …). */
function parseAlterRoutineOption(p: Parser): void {
  const w = p.word;
  switch (w) {
    case "immutable":
    case "stable":
    case "volatile":
    case "strict":
    case "leakproof":
      p.bump();
      return;
    case "not":
      p.bump();
      p.expectK(Kw.leakproof);
      return;
    case "returns":
      p.bump();
      p.expectK(Kw.null);
      p.expectK(Kw.on);
      p.expectK(Kw.null);
      p.expectK(Kw.input);
      return;
    case "reset":
      p.bump();
      if (!p.eatK(Kw.all)) parseQualifiedName(p, "parameter");
      return;
    default:
      parseSharedRoutineOption(p, w);
      return;
  }
}
