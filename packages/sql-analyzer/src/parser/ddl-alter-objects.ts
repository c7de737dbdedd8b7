import { SyntaxCode } from "../diagnostic.js";
import { parsePostgresDatabaseOptions } from "./utility-more.js";
import { SyntaxKind } from "../syntax/syntax-kind.js";
import { ALL_OBJECT_KINDS, objectKindAt, parseCommonAlterTail, parseObjectKind, parseObjectName, parseOptionalIfExists, parseRoleList, unsupportedTail } from "./ddl-objects.js";
import { parseGenericOptions, parseOperatorClassItems, parsePublicationObjects, parseWrapperFunctions } from "./ddl-shared-clauses.js";
import { DEF_ELEMS, parseOptionList } from "./ddl-table.js";
import { expectParenthesizedExpr } from "./expressions.js";
import { atLabel, expectIdent, expectLabel, parseQualifiedName, parseRoutineName } from "./names.js";
import type { Parser } from "./parser.js";
import { parseRoutineParams, parseSetParameterValue } from "./ddl-routine.js";

/**
 * PostgreSQL's ALTER of the object kinds that `parseAlter` does not model itself (tables,
 * sequences and roles have their own statements): the object's designator, then an action
 * — RENAME TO / OWNER TO / SET SCHEMA for all, and each kind's own forms. A form not
 * modelled here ends in an info diagnostic (`unsupportedTail`), never a syntax error, so
 * valid SQL is not reported as broken.
 */

/** Kinds taken here (the others are ALTER TABLE, ALTER SEQUENCE, ALTER ROLE, or have no ALTER). */
export const POSTGRES_ALTER_KINDS: ReadonlySet<string> = new Set(
  [...ALL_OBJECT_KINDS].filter((k) => !["table", "foreign table", "sequence", "role", "user", "group", "column", "constraint", "cast", "transform"].includes(k)),
);

/** Kinds whose designator is a name (and, for routines, an argument list) read as before this module existed. */
const NAMED_BY_QUALIFIED_NAME = new Set(["index", "view", "schema", "type", "domain", "function", "procedure", "materialized view", "extension", "trigger", "database", "routine"]);

/**
 * `ALTER <kind> [IF EXISTS] <designator> <action>` for a kind of {@link POSTGRES_ALTER_KINDS}
 * (the cursor at ALTER); returns false, consuming nothing, for any other kind.
 * `parseKindSpecific` is ALTER TABLE's module's parser of the actions of the kinds it has
 * always modelled (types, domains, views, routines, …), passed in rather than imported so
 * that module and this one do not import each other.
 */
export function parsePostgresAlterObject(p: Parser, parseKindSpecific: (p: Parser, kind: string) => boolean): boolean {
  const kind = objectKindAt(p, POSTGRES_ALTER_KINDS, 1);
  if (kind === undefined) return false;
  p.start(SyntaxKind.AlterStmt);
  p.bump();
  parseObjectKind(p, POSTGRES_ALTER_KINDS);
  const ifExists = p.atKw("if") && p.nthKw(1, "exists");
  parseOptionalIfExists(p);
  if (NAMED_BY_QUALIFIED_NAME.has(kind)) {
    if (kind === "function" || kind === "procedure" || kind === "routine") parseRoutineName(p, "object name");
    else parseQualifiedName(p, "object name");
    if (p.at(SyntaxKind.LParen) && (kind === "function" || kind === "procedure" || kind === "routine")) parseRoutineParams(p);
    if (kind === "trigger") {
      p.expectKw("on");
      parseQualifiedName(p, "table name");
    }
  } else parseObjectName(p, kind);
  if (p.atEnd || p.at(SyntaxKind.Semicolon)) {
    // `ALTER POLICY p ON t` and `ALTER DATABASE d` (an empty option list) alone are valid (they
    // change nothing); every other ALTER needs an action.
    if (kind !== "policy" && kind !== "database") p.expected("ALTER action");
  } else if (!parseCommonAlterTail(p) && !parseDependsOnExtension(p, kind) && !parseKindSpecific(p, kind) && !parseAlterObjectAction(p, kind, ifExists)) unsupportedTail(p);
  p.finish();
  return true;
}

/** The kind-specific actions of the newer kinds; returns whether one was parsed. */
function parseAlterObjectAction(p: Parser, kind: string, ifExists: boolean): boolean {
  switch (kind) {
    case "server":
      if (!p.atKw("version") && !p.atKw("options")) return false;
      action(p, () => {
        if (p.eatKw("version")) {
          if (!p.eatKw("null")) p.expect(SyntaxKind.String, "version string");
        }
        if (p.atKw("options")) parseGenericOptions(p, true);
      });
      return true;
    case "foreign data wrapper":
      if (!p.atKw("handler") && !p.atKw("validator") && !p.atKw("no") && !p.atKw("options")) return false;
      action(p, () => parseWrapperFunctions(p, true));
      return true;
    case "user mapping":
      if (!p.atKw("options")) return false;
      action(p, () => parseGenericOptions(p, true));
      return true;
    case "event trigger":
      if (!p.atKw("enable") && !p.atKw("disable")) return false;
      action(p, () => {
        if (p.eatKw("enable")) {
          if (p.atKw("replica") || p.atKw("always")) p.bump();
        } else p.bump();
      });
      return true;
    case "policy":
      return parseAlterPolicyAction(p);
    case "publication":
      return parseAlterPublicationAction(p);
    case "subscription":
      return parseAlterSubscriptionAction(p);
    case "tablespace":
    case "operator":
    case "text search dictionary":
      if (kind === "text search dictionary" && p.at(SyntaxKind.LParen)) {
        action(p, () => parseOptionList(p, DEF_ELEMS));
        return true;
      }
      if (!((p.atKw("set") || p.atKw("reset")) && p.nth(1) === SyntaxKind.LParen)) return false;
      action(p, () => {
        p.bump();
        parseOptionList(p, DEF_ELEMS);
      });
      return true;
    case "statistics":
      if (!(p.atKw("set") && p.nthKw(1, "statistics"))) return false;
      action(p, () => {
        p.bump();
        p.bump();
        if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
        if (!p.eatKw("default")) p.expect(SyntaxKind.Number, "statistics target");
      });
      return true;
    case "collation":
      if (!(p.atKw("refresh") && p.nthKw(1, "version"))) return false;
      action(p, () => {
        p.bump();
        p.bump();
      });
      return true;
    case "database":
      return parseAlterDatabaseAction(p);
    case "extension":
      if (!p.atKw("add") && !p.atKw("drop")) return false;
      action(p, () => {
        p.bump();
        const member = parseObjectKind(p, ALL_OBJECT_KINDS);
        if (member !== undefined) parseObjectName(p, member, true);
        else p.expected("object kind");
      });
      return true;
    case "index":
      return parseAlterIndexAction(p, ifExists);
    case "view":
    case "materialized view":
      if (!(p.atKw("rename") && (p.nthKw(1, "column") || atLabel(p, 1)) && !p.nthKw(1, "to")) && !(p.atKw("set") && p.nthKw(1, "tablespace")) && !(p.atKw("reset") && p.nth(1) === SyntaxKind.LParen)) return false;
      action(p, () => {
        if (p.eatKw("rename")) {
          p.eatKw("column");
          expectIdent(p, "column name");
          p.expectKw("to");
          expectIdent(p, "new name");
        } else if (p.eatKw("set")) {
          p.bump();
          expectIdent(p, "tablespace");
        } else {
          p.bump();
          parseOptionList(p, DEF_ELEMS);
        }
      });
      return true;
    case "text search configuration":
      return parseAlterTextSearchConfiguration(p);
    case "operator family":
      // ADD item, … / DROP {OPERATOR | FUNCTION} n (types), …
      if (!p.atKw("add") && !p.atKw("drop")) return false;
      action(p, () => {
        const drop = p.atKw("drop");
        p.bump();
        parseOperatorClassItems(p, drop);
      });
      return true;
    default:
      return false;
  }
}

/** Kinds that can be marked as depending on an extension (dropped with it). */
const EXTENSION_DEPENDENT_KINDS = new Set(["function", "procedure", "routine", "trigger", "materialized view", "index"]);

/** `[NO] DEPENDS ON EXTENSION e`, for the kinds that take it; returns whether it was there. */
function parseDependsOnExtension(p: Parser, kind: string): boolean {
  if (!EXTENSION_DEPENDENT_KINDS.has(kind) || !(p.atKw("depends") || (p.atKw("no") && p.nthKw(1, "depends")))) return false;
  action(p, () => {
    p.eatKw("no");
    p.bump();
    p.expectKw("on");
    p.expectKw("extension");
    expectIdent(p, "extension name");
  });
  return true;
}

/** `SET TABLESPACE t` as an action (ALTER DATABASE, ALTER INDEX); returns whether it was there. */
function parseSetTablespace(p: Parser): boolean {
  if (!(p.atKw("set") && p.nthKw(1, "tablespace"))) return false;
  action(p, () => {
    p.bump();
    p.bump();
    expectIdent(p, "tablespace");
  });
  return true;
}

/** Wraps what `body` consumes in an `AlterAction` node. */
function action(p: Parser, body: () => void): void {
  p.start(SyntaxKind.AlterAction);
  body();
  p.finish();
}

/** `ALTER POLICY p ON t`: RENAME TO n, or any of TO roles / USING (e) / WITH CHECK (e). */
function parseAlterPolicyAction(p: Parser): boolean {
  if (!p.atKw("to") && !p.atKw("using") && !(p.atKw("with") && p.nthKw(1, "check"))) return false;
  action(p, () => {
    if (p.eatKw("to")) parseRoleList(p);
    if (p.eatKw("using")) expectParenthesizedExpr(p);
    if (p.atKw("with") && p.nthKw(1, "check")) {
      p.bump();
      p.bump();
      expectParenthesizedExpr(p);
    }
  });
  return true;
}

/** `ALTER PUBLICATION p {ADD | SET | DROP} objects` or `SET (options)`. */
function parseAlterPublicationAction(p: Parser): boolean {
  if (p.atKw("set") && p.nth(1) === SyntaxKind.LParen) {
    action(p, () => {
      p.bump();
      parseOptionList(p, DEF_ELEMS);
    });
    return true;
  }
  if (!p.atKw("add") && !p.atKw("set") && !p.atKw("drop")) return false;
  action(p, () => {
    p.bump();
    parsePublicationObjects(p);
  });
  return true;
}

/** The actions of ALTER SUBSCRIPTION. */
function parseAlterSubscriptionAction(p: Parser): boolean {
  if (p.atKw("connection")) {
    action(p, () => {
      p.bump();
      p.expect(SyntaxKind.String, "connection string");
    });
    return true;
  }
  if ((p.atKw("set") || p.atKw("add") || p.atKw("drop")) && p.nthKw(1, "publication")) {
    action(p, () => {
      p.bump();
      p.bump();
      do expectIdent(p, "publication name");
      while (p.eat(SyntaxKind.Comma));
      if (p.atKw("with") && p.nth(1) === SyntaxKind.LParen) {
        p.bump();
        parseOptionList(p, DEF_ELEMS);
      }
    });
    return true;
  }
  if (p.atKw("refresh") && p.nthKw(1, "publication")) {
    action(p, () => {
      p.bump();
      p.bump();
      if (p.atKw("with") && p.nth(1) === SyntaxKind.LParen) {
        p.bump();
        parseOptionList(p, DEF_ELEMS);
      }
    });
    return true;
  }
  if (p.atKw("enable") || p.atKw("disable")) {
    action(p, () => p.bump());
    return true;
  }
  if ((p.atKw("set") || p.atKw("skip")) && p.nth(1) === SyntaxKind.LParen) {
    action(p, () => {
      p.bump();
      parseOptionList(p, DEF_ELEMS);
    });
    return true;
  }
  return false;
}

/** ALTER DATABASE: SET / RESET a parameter, SET TABLESPACE, REFRESH COLLATION VERSION, or `[WITH] option …`. */
function parseAlterDatabaseAction(p: Parser): boolean {
  if (parseSetTablespace(p)) return true;
  if (p.atKw("set") || p.atKw("reset")) {
    action(p, () => {
      const set = p.atKw("set");
      p.bump();
      if (!set && p.eatKw("all")) return;
      parseQualifiedName(p, "parameter");
      if (set) parseSetParameterValue(p);
    });
    return true;
  }
  if (p.atKw("refresh") && p.nthKw(1, "collation")) {
    action(p, () => {
      p.bump();
      p.bump();
      p.expectKw("version");
    });
    return true;
  }
  if (p.postgres) {
    // [WITH] option …: any plain name is an option there (`ALTER DATABASE d allow_connections false`).
    action(p, () => {
      p.eatKw("with");
      parsePostgresDatabaseOptions(p);
    });
    return true;
  }
  if (p.atKw("with") || p.atKw("connection") || p.atKw("allow_connections") || p.atKw("is_template")) {
    action(p, () => {
      p.eatKw("with");
      while (p.at(SyntaxKind.Word)) {
        const progress = p.position;
        p.start(SyntaxKind.Option);
        if (p.eatKw("connection")) p.expectKw("limit");
        else p.bump();
        p.eatOp("=");
        if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
        if (p.at(SyntaxKind.Number) || p.at(SyntaxKind.String) || p.at(SyntaxKind.Word)) p.bump();
        else p.expected("option value");
        p.finish();
        if (p.position === progress) break;
      }
    });
    return true;
  }
  return false;
}

/** ALTER INDEX: SET TABLESPACE, RESET (…), ATTACH PARTITION, ALTER [COLUMN] n SET STATISTICS k. */
function parseAlterIndexAction(p: Parser, ifExists: boolean): boolean {
  if (parseSetTablespace(p)) return true;
  if (p.atKw("reset") && p.nth(1) === SyntaxKind.LParen) {
    action(p, () => {
      p.bump();
      parseOptionList(p, DEF_ELEMS);
    });
    return true;
  }
  if (p.atKw("attach") && p.nthKw(1, "partition")) {
    if (ifExists) {
      const [start, end] = p.currentRange();
      p.report(SyntaxCode.UnexpectedToken, "ALTER INDEX IF EXISTS cannot attach a partition (drop IF EXISTS)", start, end);
    }
    action(p, () => {
      p.bump();
      p.bump();
      parseQualifiedName(p, "index name");
    });
    return true;
  }
  if (p.atKw("alter")) {
    action(p, () => {
      p.bump();
      p.eatKw("column");
      if (p.at(SyntaxKind.Number)) p.bump();
      else expectIdent(p, "column");
      p.expectKw("set");
      p.expectKw("statistics");
      if (p.atOp("-") && p.nth(1) === SyntaxKind.Number) p.bump();
      p.expect(SyntaxKind.Number, "statistics target");
    });
    return true;
  }
  return false;
}

/** ALTER TEXT SEARCH CONFIGURATION: ADD / ALTER / DROP MAPPING. */
function parseAlterTextSearchConfiguration(p: Parser): boolean {
  if (!((p.atKw("add") || p.atKw("alter") || p.atKw("drop")) && p.nthKw(1, "mapping"))) return false;
  action(p, () => {
    const verb = p.word;
    p.bump();
    p.bump();
    if (verb === "drop") parseOptionalIfExists(p);
    if (p.eatKw("for")) {
      do expectLabel(p, "token type");
      while (p.eat(SyntaxKind.Comma));
    } else if (verb !== "alter") p.expectKw("for");
    if (verb === "drop") return;
    if (p.eatKw("replace")) {
      parseQualifiedName(p, "dictionary");
      p.expectKw("with");
      parseQualifiedName(p, "dictionary");
      return;
    }
    p.expectKw("with");
    do parseQualifiedName(p, "dictionary");
    while (p.eat(SyntaxKind.Comma));
  });
  return true;
}

/** `ALTER SYSTEM SET parameter {TO | =} value | DEFAULT` / `ALTER SYSTEM RESET parameter | ALL`. */
export function parseAlterSystem(p: Parser): void {
  p.start(SyntaxKind.AlterSystemStmt);
  p.bump();
  p.bump();
  if (p.eatKw("set")) {
    parseQualifiedName(p, "parameter");
    parseSetParameterValue(p);
  } else if (p.eatKw("reset")) {
    if (!p.eatKw("all")) parseQualifiedName(p, "parameter");
  } else p.expected("SET or RESET");
  p.finish();
}

