/**
 * MySQL's executable comments (`/*!` … star-slash, `/*!50100` … with a version): MySQL runs
 * their content as code, and dumps put real statements and clauses in them (the `SET`
 * lines at the top of every dump, a view's `CREATE … VIEW` in three of them, a table's
 * `PARTITION BY`). The markers are comment tokens; the content is parsed.
 */
import { describe, expect, it } from "vitest";
import { format, formatDocument, parse, printTree, syntaxKindName, type ParseResult } from "../../src/index.js";
import { tokenKinds } from "../support/token-kinds.js";
import { createRandom } from "../../fuzz/generators.mjs";

const kinds = (text: string, dialect: "mysql" | "postgres" | "sqlite" = "mysql") => tokenKinds(text, dialect);

const errors = (sql: string, dialect: "mysql" | "postgres" | "sqlite" = "mysql") =>
  parse(sql, { dialect }).diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code}: ${sql.slice(d.range.start, d.range.end)}`);

const statementKinds = (sql: string) =>
  parse(sql, { dialect: "mysql" })
    .root.childNodes()
    .map((n) => syntaxKindName(n.kind));

describe("MySQL executable comments: lexing", () => {
  it("the markers are comment tokens and the content is code", () => {
    expect(kinds("/*!40101 SET NAMES utf8 */;")).toEqual(["BlockComment:/*!40101", "Word:SET", "Word:NAMES", "Word:utf8", "BlockComment:*/", "Semicolon:;"]);
    // No version, and a version written right against the code.
    expect(kinds("SELECT /*! 1 */")).toEqual(["Word:SELECT", "BlockComment:/*!", "Number:1", "BlockComment:*/"]);
    expect(kinds("/*!50100SELECT 1*/")).toEqual(["BlockComment:/*!50100", "Word:SELECT", "Number:1", "BlockComment:*/"]);
    // Fewer than five digits are no version: they are the content's.
    expect(kinds("SELECT /*!12 */")).toEqual(["Word:SELECT", "BlockComment:/*!", "Number:12", "BlockComment:*/"]);
  });

  it("a version newer than MySQL 8, a /*! that is never closed and other dialects' /*! stay comments", () => {
    expect(kinds("/*!90000 not code */ x")).toEqual(["BlockComment:/*!90000 not code */", "Word:x"]);
    // Six digits are a version from 10 on (MariaDB writes them): newer than MySQL 8, a comment.
    expect(kinds("SELECT 1 /*!100000 +1*/")).toEqual(["Word:SELECT", "Number:1", "BlockComment:/*!100000 +1*/"]);
    expect(kinds("/*!50100 SELECT 1")).toEqual(["BlockComment!:/*!50100 SELECT 1"]);
    expect(kinds("/*!50100 SELECT 1 */ x", "postgres")).toEqual(["BlockComment:/*!50100 SELECT 1 */", "Word:x"]);
    expect(kinds("/*!50100 SELECT 1 */ x", "sqlite")).toEqual(["BlockComment:/*!50100 SELECT 1 */", "Word:x"]);
    // MariaDB's own form, which MySQL does not run.
    expect(kinds("/*M!100101 x */ y")).toEqual(["BlockComment:/*M!100101 x */", "Word:y"]);
  });

  it("outside an executable comment a star-slash is no comment end", () => {
    expect(kinds("a */ b")).toEqual(["Word:a", "Operator:*/", "Word:b"]);
    expect(errors("SELECT 1 /*!50100 + 2 */ */")).toEqual(["unexpected-token: */"]);
  });
});

describe("MySQL executable comments: parsing", () => {
  it("the statements and clauses of a dump parse, with no diagnostic", () => {
    const dump = [
      "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
      "/*!40103 SET TIME_ZONE='+00:00' */;",
      "/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;",
      "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;",
      "CREATE TABLE t (a int) ENGINE=InnoDB /*!50100 PARTITION BY HASH (a) PARTITIONS 4 */;",
      "/*!40000 ALTER TABLE `t` DISABLE KEYS */;",
      "/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select `t`.`a` AS `a` from `t` */;",
      "SELECT /*!50100 STRAIGHT_JOIN */ a FROM t;",
    ].join("\n");
    expect(parse(dump, { dialect: "mysql" }).diagnostics).toEqual([]);
    expect(statementKinds(dump)).toEqual(["SetStmt", "SetStmt", "SetStmt", "CreateSchemaStmt", "CreateTableStmt", "AlterTableStmt", "CreateViewStmt", "SelectStmt"]);
  });

  it("what a statement holds only in an executable comment counts (SELECT 1 + /*! 2 */ is complete)", () => {
    expect(errors("SELECT 1 + /*! 2 */")).toEqual([]);
    // As a plain comment it is not: the same text in PostgreSQL.
    expect(errors("SELECT 1 + /*! 2 */", "postgres")).toEqual(["expected-token: +"]);
  });

  it("a stored routine of a dump, in a DELIMITER region, across three executable comments", () => {
    const sql = "DELIMITER ;;\n/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`localhost`*/ /*!50003 PROCEDURE `p`()\nBEGIN\n  SELECT 1;\nEND */;;\nDELIMITER ;\n";
    const result = parse(sql, { dialect: "mysql" });
    expect(result.diagnostics).toEqual([]);
    expect(printTree(result.root)).toContain("CreateProcedureStmt");
  });

  it("a ; closes it, as the mysql client cuts the statement there: the star-slash after it is an error", () => {
    expect(errors("/*!40101 SET a=1; SET b=2 */;")[0]).toBe("unexpected-token: */");
    // The statement after the cut lexes as it would alone.
    const cut = parse("/*!40101 SET a=1; SET b=2 */;", { dialect: "mysql" });
    const alone = parse("SET b=2 */;", { dialect: "mysql" });
    expect(cut.diagnostics.map((d) => d.message)).toEqual(alone.diagnostics.map((d) => d.message));
  });

  it("the tree keeps every byte", () => {
    for (const sql of ["/*!40101 SET NAMES utf8 */;", "SELECT /*!50100 STRAIGHT_JOIN */ a FROM t", "/*!50100 SELECT 1", "a */ b /*!x*/"]) {
      expect(parse(sql, { dialect: "mysql" }).root.text()).toBe(sql);
    }
  });
});

describe("MySQL executable comments: incremental reparse", () => {
  function same(a: ParseResult, b: ParseResult): void {
    expect(printTree(a.root)).toBe(printTree(b.root));
    expect(a.diagnostics).toEqual(b.diagnostics);
  }

  it("random edits with executable comments (seeded): incremental always equals fresh", () => {
    const base = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `/*!40101 SET @v${i} = ${i} */;` : i % 3 === 1 ? `SELECT a${i} /*!50100 , b */ FROM t${i};` : `CREATE TABLE t${i} (a int) /*!50100 PARTITION BY HASH (a) */;`)).join("\n") + "\n";
    const pieces = [";", "/*!", "/*!50100 ", "*/", "/*", "'", "\n", "SET x = 1", "DELIMITER ;;\n", "x", " "];
    const rng = createRandom(7);
    let text = base;
    let previous = parse(text, { dialect: "mysql" });
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(rng() * (text.length + 1));
      const removed = rng() < 0.5 ? Math.floor(rng() * 5) : 0;
      const inserted = rng() < 0.7 ? pieces[Math.floor(rng() * pieces.length)]! : "";
      text = text.slice(0, at) + inserted + text.slice(at + removed);
      const next = parse(text, { previous, dialect: "mysql" });
      same(next, parse(text, { dialect: "mysql" }));
      previous = next;
    }
  });
});

describe("MySQL executable comments: formatting", () => {
  it("the content is formatted, the marker stays on the statement's line, and formatting again changes nothing", () => {
    const sql = "/*!40101 set names utf8 */;\n/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS select 1 AS `a` */;\n";
    const result = formatDocument(sql, { dialect: "mysql", keywordCase: "upper" });
    expect(result.statements.map((s) => s.status)).toEqual(["formatted", "formatted"]);
    expect(result.text).toBe(
      "/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE ALGORITHM = UNDEFINED */\n/*!50013 DEFINER = `root`@`localhost` SQL SECURITY DEFINER */\n/*!50001 VIEW `v` AS\nSELECT 1 AS `a` */;\n",
    );
    expect(format(result.text, { dialect: "mysql", keywordCase: "upper" })).toBe(result.text);
    // The formatted text parses to the same statements, with no diagnostic.
    expect(parse(result.text, { dialect: "mysql" }).diagnostics).toEqual([]);
    expect(statementKinds(result.text)).toEqual(statementKinds(sql));
  });

  it("a statement whose markers stand outside it (before its first token, after its last) is formatted, not left as written", () => {
    const sql = "CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\n";
    const result = formatDocument(sql, { dialect: "mysql" });
    expect(result.statements.map((s) => s.status)).toEqual(["formatted"]);
    expect(result.text).toBe("CREATE DATABASE /*!32312 IF NOT EXISTS */ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;\n");
  });
});
