/**
 * Scripts written for a client program rather than for the server: psql's
 * meta-commands, `COPY … FROM STDIN` data and variables; the mysql client's
 * `DELIMITER` and `\G`; sqlite3's dot-commands. They are top-level tokens of the
 * tree, between statements, and the statements around them parse as usual.
 */
import { describe, expect, it } from "vitest";
import { createSqlService, format, greenText, parse, parseSegmentText, printTree, SyntaxKind, syntaxKindName, type Dialect, type GreenElement } from "../../src/index.js";

/** The root's children that are not trivia, as `Kind` or `Kind "text"` for tokens. */
function top(text: string, dialect: Dialect): string[] {
  return parse(text, { dialect })
    .root.children()
    .filter((c) => !(c.isToken && c.isTrivia))
    .map((c) => (c.isToken ? `${syntaxKindName(c.kind)} ${JSON.stringify(c.text())}` : syntaxKindName(c.kind)));
}

function codes(text: string, dialect: Dialect): string[] {
  return parse(text, { dialect }).diagnostics.map((d) => `${d.severity}:${d.code}@${d.range.start}`);
}

/** The shape of green elements (kinds, widths and token texts), to compare two parses. */
function shape(elements: readonly GreenElement[]): string {
  return elements.map((e) => (e.isToken ? `${e.kind}:${JSON.stringify(greenText(e))}` : `${e.kind}(${shape(e.children)})`)).join(" ");
}

const PSQL = [
  "-- dump",
  "\\restrict abc",
  "SET client_encoding = 'UTF8';",
  "\\connect shop",
  "COPY public.t (id, name) FROM stdin;",
  "1\tapple",
  "2\tpear; ripe",
  "\\.",
  "",
  "SELECT * FROM t WHERE id = :id AND name = :'name' \\gset",
  "\\copy t FROM stdin",
  "3\tplum",
  "\\.",
  "SELECT 1 \\g out.txt",
  "\\unrestrict abc",
  "",
].join("\n");

const MYSQL = [
  "DELIMITER //",
  "CREATE PROCEDURE p(IN n INT)",
  "BEGIN",
  "  lbl:LOOP SET n = n - 1; IF n < 0 THEN LEAVE lbl; END IF; END LOOP lbl;",
  "  SELECT '//', \"//\", `a//b` /* // */; -- //",
  "END //",
  "DELIMITER ;",
  "SELECT 1\\G",
  "DELIMITER $$",
  "CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1$$",
  "DELIMITER ;",
  "SELECT 2;",
  "",
].join("\n");

const SQLITE = [".headers on", ".mode csv", "SELECT t", ".a FROM t;", ".import x.csv t", "SELECT .5;", ""].join("\n");

const SCRIPTS: [string, Dialect][] = [
  [PSQL, "postgres"],
  ["select 1 \\; select 2;\nselect 3 \\;\n\\; select 4; \\echo x\n", "postgres"],
  [MYSQL, "mysql"],
  ["SELECT 1;\nDELIMITER\nSELECT 2;\nDELIMITER //\nSELECT 3//\ndelimiter \nSELECT 4//\nDELIMITER ;\n", "mysql"],
  [SQLITE, "sqlite"],
];

describe("psql scripts", () => {
  it("meta-commands are top-level tokens to the end of their line; `\\g`-like ones end the statement before them", () => {
    expect(top(PSQL, "postgres")).toEqual([
      "ClientCommand \"\\\\restrict abc\"",
      "SetStmt",
      'Semicolon ";"',
      "ClientCommand \"\\\\connect shop\"",
      "CopyStmt",
      'Semicolon ";"',
      'CopyData "1\\tapple\\n2\\tpear; ripe\\n\\\\."',
      "SelectStmt",
      "ClientCommand \"\\\\gset\"",
      "ClientCommand \"\\\\copy t FROM stdin\"",
      'CopyData "3\\tplum\\n\\\\."',
      "SelectStmt",
      "ClientCommand \"\\\\g out.txt\"",
      "ClientCommand \"\\\\unrestrict abc\"",
    ]);
    expect(codes(PSQL, "postgres")).toEqual([]);
  });

  it("`\\;` ends a statement without sending it, and the line goes on with the next one", () => {
    // psql sends `select 1 \; select 2;` as one request of two statements; `\;` was read as a
    // meta-command running to the end of the line, which swallowed `select 2;`.
    expect(top("select 1 \\; select 2;\n", "postgres")).toEqual(["SelectStmt", 'ClientCommand "\\\\;"', "SelectStmt", 'Semicolon ";"']);
    expect(codes("select 1 \\; select 2 \\; select 3;", "postgres")).toEqual([]);
    expect(format("select 1 \\; select 2;\n")).toBe("SELECT 1 \\;\nSELECT 2;\n");
  });

  it("a meta-command inside a statement cuts it; the command is reported when psql has no such command", () => {
    expect(top("SELECT 1\n\\echo hi\n", "postgres")).toEqual(["SelectStmt", 'ClientCommand "\\\\echo hi"']);
    expect(codes("\\foo bar\n\\dt+ x\n\\l+\n\\sf+ f\n\\ x\n", "postgres")).toEqual(["error:unknown-client-command@0", "error:unknown-client-command@27"]);
  });

  it("COPY data without its `\\.` line runs to the end of the text, with a warning", () => {
    expect(top("COPY t FROM STDIN;\nSELECT 1;\n", "postgres")).toEqual(["CopyStmt", 'Semicolon ";"', 'CopyData "SELECT 1;\\n"']);
    expect(codes("COPY t FROM STDIN;\nSELECT 1;\n", "postgres")).toEqual(["warning:unterminated-copy-data@19"]);
    // COPY … TO STDOUT and a subquery reading a table called stdin have no data.
    expect(top("COPY t TO STDOUT;\nSELECT 1;", "postgres")).toEqual(["CopyStmt", 'Semicolon ";"', "SelectStmt", 'Semicolon ";"']);
    expect(top("COPY (SELECT * FROM stdin) TO STDOUT;\nSELECT 1;", "postgres")).toEqual(["CopyStmt", 'Semicolon ";"', "SelectStmt", 'Semicolon ";"']);
    // An empty table: the data is just its end line.
    expect(top("COPY t FROM stdin;\n\\.\nSELECT 1;", "postgres")).toEqual(["CopyStmt", 'Semicolon ";"', 'CopyData "\\\\."', "SelectStmt", 'Semicolon ";"']);
  });

  it("psql variables are placeholders; array slices keep their colon", () => {
    const tokens = parse("SELECT :v, :'s', :\"i\", a[1:n], a[:n], a[f(x):n] FROM t", { dialect: "postgres" })
      .root.tokens()
      .filter((t) => t.kind === SyntaxKind.Param || t.kind === SyntaxKind.Colon)
      .map((t) => t.text());
    expect(tokens).toEqual([":v", ":'s'", ':"i"', ":", ":", ":"]);
  });
});

describe("mysql client scripts", () => {
  it("DELIMITER makes its string the statement terminator, outside strings, names and comments, until `DELIMITER ;`", () => {
    expect(top(MYSQL, "mysql")).toEqual([
      'ClientCommand "DELIMITER //"',
      "CreateProcedureStmt",
      'Delimiter "//"',
      'ClientCommand "DELIMITER ;"',
      "SelectStmt",
      'ClientCommand "\\\\G"',
      'ClientCommand "DELIMITER $$"',
      "CreateFunctionStmt",
      'Delimiter "$$"',
      'ClientCommand "DELIMITER ;"',
      "SelectStmt",
      'Semicolon ";"',
    ]);
    expect(codes(MYSQL, "mysql")).toEqual([]);
  });

  it("a region without `DELIMITER ;` runs to the end; several statements may share one delimiter", () => {
    expect(top("delimiter ;;\nSELECT 1;;SELECT 2; SELECT 3;;\nSELECT 4", "mysql")).toEqual([
      'ClientCommand "delimiter ;;"',
      "SelectStmt",
      'Delimiter ";;"',
      "SelectStmt",
      'Semicolon ";"',
      "SelectStmt",
      'Delimiter ";;"',
      "SelectStmt",
    ]);
  });

  it("`delimiter` without an argument is a command line the client refuses; the next line is a statement", () => {
    // The mysql client answers "DELIMITER must be followed by a 'delimiter' character or
    // string" and goes on with the next line (the error used to cover `SELECT 1` as well, as an
    // unsupported statement).
    expect(top("delimiter\nSELECT 1;", "mysql")).toEqual(['ClientCommand "delimiter"', "SelectStmt", 'Semicolon ";"']);
    expect(codes("delimiter\nSELECT 1;", "mysql")).toEqual(["error:expected-token@0"]);
    expect(parse("SELECT 1;\nDELIMITER  \nSELECT 2;", { dialect: "mysql" }).diagnostics.map((d) => d.message)).toEqual([
      "DELIMITER needs the new delimiter after it on the same line (e.g. `DELIMITER //`)",
    ]);
    // Inside a region the delimiter stays what it was.
    expect(top("DELIMITER //\nSELECT 1//\nDELIMITER\nSELECT 2//\nDELIMITER ;", "mysql")).toEqual([
      'ClientCommand "DELIMITER //"',
      "SelectStmt",
      'Delimiter "//"',
      'ClientCommand "DELIMITER"',
      "SelectStmt",
      'Delimiter "//"',
      'ClientCommand "DELIMITER ;"',
    ]);
    // Only in mysql: elsewhere a statement that starts with the word is just unsupported.
    expect(codes("delimiter\nSELECT 1;", "postgres")).toEqual(["info:unsupported-statement@0"]);
  });
});

describe("sqlite3 shell scripts", () => {
  it("dot-commands start at the left margin, where a statement would start", () => {
    expect(top(SQLITE, "sqlite")).toEqual([
      'ClientCommand ".headers on"',
      'ClientCommand ".mode csv"',
      "SelectStmt",
      'Semicolon ";"',
      'ClientCommand ".import x.csv t"',
      "SelectStmt",
      'Semicolon ";"',
    ]);
    expect(top(" .mode csv", "sqlite")[0]).not.toBe('ClientCommand ".mode csv"');
  });
});

describe("every client script", () => {
  it("parses losslessly, and each segment alone parses as it does in the file (what the service caches)", () => {
    for (const [text, dialect] of SCRIPTS) {
      const result = parse(text, { dialect });
      expect(result.root.text()).toBe(text);
      for (const segment of result.segments) {
        const alone = parseSegmentText(text.slice(segment.start, segment.end), dialect);
        expect(shape(alone.elements)).toBe(shape(segment.parse.elements));
        expect(alone.diagnostics).toEqual(segment.parse.diagnostics);
        expect(alone.closed).toBe(segment.closed);
      }
      const service = createSqlService({ dialect });
      service.setFile("/x.sql", text);
      expect(service.diagnostics("/x.sql")).toEqual(result.diagnostics);
      expect(printTree(service.parse("/x.sql").root)).toBe(printTree(result.root));
    }
  });

  it("an edit at any offset, reparsed from the previous result, equals a fresh parse", () => {
    for (const [text, dialect] of SCRIPTS) {
      const before = parse(text, { dialect });
      for (let at = 0; at <= text.length; at++) {
        for (const insert of ["x", "\n", ";", "\\", "/", "$"]) {
          const edited = text.slice(0, at) + insert + text.slice(at);
          const fresh = parse(edited, { dialect });
          const reused = parse(edited, { dialect, previous: before });
          if (printTree(reused.root) !== printTree(fresh.root)) throw new Error(`${dialect}: inserting ${JSON.stringify(insert)} at ${at} gives another tree when reparsed`);
          expect(reused.diagnostics).toEqual(fresh.diagnostics);
        }
        const deleted = text.slice(0, at) + text.slice(at + 1);
        expect(printTree(parse(deleted, { dialect, previous: before }).root)).toBe(printTree(parse(deleted, { dialect }).root));
      }
    }
  });

  it("an edit after a command line or COPY data reparses from the edit, not from before them", () => {
    // They are never closed (an edit at their end could lengthen them), but once the line
    // break after them is unchanged they are kept: a big COPY block is not scanned again
    // for every keystroke in the statement after it.
    const rows = Array.from({ length: 2000 }, (_, i) => `${i}\tname ${i}`).join("\n");
    const text = `\\connect shop\nCOPY t (id, name) FROM stdin;\n${rows}\n\\.\nSELECT 1;\nSELECT 2;\n`;
    const before = parse(text, { dialect: "postgres" });
    const edited = text.replace("SELECT 1;", "SELECT 10;");
    const after = parse(edited, { dialect: "postgres", previous: before });
    expect(after.reparsedSegments).toBe(1);
    expect(printTree(after.root)).toBe(printTree(parse(edited, { dialect: "postgres" }).root));
    expect(after.segments[1]!.parse).toBe(before.segments[1]!.parse);
    // An edit at the end of the `\.` line itself does reparse the COPY segment (its data now
    // runs to the end of the text).
    const atEnd = text.replace("\\.\n", "\\.x\n");
    const reparsed = parse(atEnd, { dialect: "postgres", previous: before });
    expect(reparsed.segments[1]!.parse).not.toBe(before.segments[1]!.parse);
    expect(printTree(reparsed.root)).toBe(printTree(parse(atEnd, { dialect: "postgres" }).root));
  });

  it("formats idempotently, keeping commands, delimiters and COPY data as written", () => {
    for (const [text, dialect] of SCRIPTS) {
      const once = format(text, { dialect, keywordCase: "upper" });
      expect(format(once, { dialect, keywordCase: "upper" })).toBe(once);
      const kept = (t: string) =>
        parse(t, { dialect })
          .root.tokens()
          .filter((k) => k.kind === SyntaxKind.ClientCommand || k.kind === SyntaxKind.Delimiter || k.kind === SyntaxKind.CopyData)
          .map((k) => k.text());
      expect(kept(once)).toEqual(kept(text));
    }
    // A `;` after a command line goes to the next line (on the same line it would be the command's).
    expect(format("\\echo x\n;\nSELECT 1;", { dialect: "postgres" })).toBe("\\echo x\n;\nSELECT 1;\n");
    // A client token written right after what precedes it stays glued: a blank would change
    // how it reads (`-- \s` is a MySQL comment, a dot after `; ` is no dot-command).
    expect(format("--\\s x", { dialect: "mysql" })).toBe("--\\s x\n");
    expect(format("SELECT 1;.mode csv", { dialect: "sqlite" })).toBe("SELECT 1;.mode csv\n");
    // COPY data that runs to the end gets no final line break: it would be data.
    expect(format("copy t from stdin;\n1,2", { dialect: "postgres" })).toBe("COPY t FROM STDIN;\n1,2");
    // FORCE NOT NULL names columns: their case is kept.
    expect(format("copy t from stdin csv force not null MyCol, b;", { dialect: "postgres", keywordCase: "upper" })).toBe("COPY t FROM STDIN CSV FORCE NOT NULL MyCol, b;\n");
  });
});
