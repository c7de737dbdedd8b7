/**
 * The context analysis (src/context/): how an input reads as SQL as a whole, in a numeric
 * position, inside '…' and inside "…". These markers are what lets the model tell a
 * complete statement script from a fragment that breaks out of its literal.
 */
import { describe, expect, it } from "vitest";
import { analyseContext, CONTEXT_MARKER_COUNT, CONTEXT_TOKENS, contextPrefix } from "../src/context/sql-context.js";
import { lexSql } from "../src/context/sql-lexer.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
import { scriptStatements } from "../src/classifier/script-statements.js";
import { tokenizeForModel } from "../src/classifier/model-input.js";
import { Rng } from "../src/corpus/rng.js";
import { SqlTokenizer } from "../src/tokenizer/sql-tokenizer.js";
import { buildVocabulary } from "../src/tokenizer/vocabulary.js";

const markers = (text: string) => analyseContext(text).map((m) => m.token.slice(1, -1));

describe("context analysis", () => {
  it("lexes literals, comments and operators, and never fails on unterminated input", () => {
    expect(lexSql("select 'it''s' -- x").map((l) => l.kind)).toEqual(["word", "string", "line-comment"]);
    expect(lexSql("a /* open").map((l) => l.kind)).toEqual(["word", "block-comment"]);
    expect(lexSql("'never closed").map((l) => l.kind)).toEqual(["unterminated"]);
    expect(lexSql("1/*!50000union*/ select").map((l) => l.text)).toEqual(["1", "union", "select"]);
  });

  it("tells complete statements and scripts from fragments and cut-short queries", () => {
    expect(markers("BEGIN; UPDATE t SET a = a - 5 WHERE id = 42; INSERT INTO t (c) VALUES ('x'); COMMIT;")[0]).toBe("stmt:script");
    expect(markers("UPDATE t SET a = 1; DELETE FROM u -- done")[0]).toBe("stmt:script-open");
    expect(markers("SELECT * FROM t WHERE id = 1; DROP TABLE u")[0]).toBe("stmt:script-open");
    expect(markers("SELECT name FROM sqlite_master WHERE type = 'table'")[0]).toBe("stmt:single");
    expect(markers("SELECT * FROM t WHERE a = 1 -- newest first")[0]).toBe("stmt:single");
    expect(markers("SELECT * FROM t WHERE name = '' OR 1=1 --'")[0]).toBe("stmt:broken-comment");
    expect(markers("SELECT * FROM t WHERE name = 'x'; drop table t'")[0]).toBe("stmt:broken-quote");
    expect(markers("SELECT * FROM t WHERE id = (1")[0]).toBe("stmt:broken-paren");
    expect(markers("1; DROP TABLE x--")[0]).toBe("stmt:fragment");
  });

  it("reads a numeric position: unquoted tautologies and parenthesis break-outs", () => {
    expect(markers("1 or true").slice(1, 3)).toEqual(["num:logic", "num-rest:clean"]);
    expect(markers("1 OR 2 apples").slice(1, 3)).toEqual(["num:logic", "num-rest:dirty"]);
    expect(markers(")-sleep(9999")[1]).toBe("num:close");
    expect(markers("1)-sleep(9999")[1]).toBe("num:close");
    expect(markers("-5 union select 1")[1]).toBe("num:keyword");
    expect(markers("1; DROP TABLE x--").slice(1, 3)).toEqual(["num:semicolon", "num-rest:commented"]);
    // Form encoding: with no space at all, '+' stands for one.
    expect(markers("1+or+1=1")[1]).toBe("num:logic");
    expect(markers("1 + 2")[1]).toBe("num:operator");
  });

  it("reads inside quotes: break-outs, escapes, and plain apostrophes", () => {
    expect(markers("' OR '1'='1").slice(3, 5)).toEqual(["sq:logic", "sq-rest:clean"]);
    expect(markers("admin'--").slice(3, 5)).toEqual(["sq:comment", "sq-rest:commented"]);
    expect(markers("O'Brien").slice(3, 5)).toEqual(["sq:word", "sq-rest:unbalanced"]);
    expect(markers("O''Brien").slice(3, 5)).toEqual(["sq:literal", "sq-rest:clean"]);
    expect(markers("x\\' or 1=1").slice(3, 5)).toEqual(["sq:literal", "sq-rest:clean"]);
    expect(markers('a") or ("1"="1').slice(5, 7)).toEqual(["dq:close", "dq-rest:clean"]);
  });

  it("reads '+' as a space in form-encoded input, and only there", () => {
    const prepared = prepareInput("1+or+1=1");
    expect(prepared.mapped.text).toBe("1 or 1=1");
    expect(prepared.notes.join()).toMatch(/form encoding/);
    expect(prepareInput("-1+union+select+null--").mapped.text).toBe("-1 union select null--");
    // Arithmetic, operators next to quotes, and text with spaces keep their '+'.
    expect(prepareInput("2+2=4").mapped.text).toBe("2+2=4");
    expect(prepareInput("'+sleep(10)+'").mapped.text).toBe("'+sleep(10)+'");
    expect(prepareInput("c++ or java").mapped.text).toBe("c++ or java");
    // A server decodes '+' before %XX, so an encoded plus stays a plus.
    expect(prepareInput("1%2Bor%2B1").mapped.text).toBe("1+or+1");
  });

  it("says whether the operand after a break-out's logic operator is a constant: that makes a tautology", () => {
    const operand = (text: string) => markers(text)[7];
    for (const text of ["1 or true", "0 OR NOT FALSE", "1) or true--", "x' and not true"]) expect(operand(text), text).toBe("operand:boolean");
    for (const text of ["1 or 1=1", "x' or 'a'='a", "1 or 5 is not null", "12345||12345"]) expect(operand(text), text).toBe("operand:constant");
    // Not constants: a column test, a call, a bare word, no expression; and whole statements.
    for (const text of ["' or not email is null--", "1 and sleep(5)", "a || b", "rock or roll", "1 OR 5 bottles", "O'Brien", "SELECT * FROM t WHERE a = 1 OR true"]) {
      expect(operand(text), text).toBe("operand:none");
    }
  });

  it("recognises a comment glued inside a keyword and reads the whole word", () => {
    expect(markers("SEL/**/ECT password FR/**/OM users")).toEqual(expect.arrayContaining(["stmt:single", "split:keyword"]));
    expect(markers("1 UN/*x*/ION SELECT 1")).toEqual(expect.arrayContaining(["num:keyword", "split:keyword"]));
    expect(analyseContext("DR/**/OP TABLE t")[8]!.description).toMatch(/"drop"/);
    // Comments between whole words are whitespace, and MySQL's /*! runs its content.
    expect(markers("1 union/**/select 1")[8]).toBe("split:none");
    expect(markers("1/*!50000union*/ select 1")[8]).toBe("split:none");
    // Not a keyword once joined: code with a comment between two names.
    expect(markers("total/*net*/price")[8]).toBe("split:none");
  });

  it("splits only scripts whose every statement ends in ';', with spans into the input", () => {
    const parts = (text: string) => {
      const mapped = prepareInput(text).mapped;
      return scriptStatements(mapped, analyseContext(mapped.text))?.map((m) => text.slice(m.origin[0], m.origin[m.text.length]));
    };
    expect(parts("DELETE FROM t WHERE id = 7; DELETE FROM t WHERE id = 8;")).toEqual(["DELETE FROM t WHERE id = 7;", " DELETE FROM t WHERE id = 8;"]);
    // Blank statements join the one before; a trailing remark joins the last one.
    expect(parts("BEGIN;; UPDATE t SET a = 1; COMMIT; /* done */")).toEqual(["BEGIN;;", " UPDATE t SET a = 1;", " COMMIT; /* done */"]);
    // Through URL decoding, spans still point into what the caller passed.
    expect(parts("SELECT%201;%20SELECT%202;")).toEqual(["SELECT%201;", "%20SELECT%202;"]);
    // Not scripts: a last statement left open, a stacked query after a value, one statement.
    for (const text of ["DELETE FROM t WHERE id = 7; DELETE FROM u", "7; DELETE FROM t;", "SELECT 1;"]) expect(parts(text), text).toBeUndefined();
  });

  it("emits one marker per context, always from the fixed list, with a sentence each", () => {
    const rng = new Rng(99);
    const pieces = ["'", '"', "--", "/*", "*/", "#", ";", "(", ")", "or", "select", "1", " ", "+", "x", "\\", "/*!", "`", "é", "\u0000"];
    const allowed = new Set(CONTEXT_TOKENS);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: rng.int(0, 30) }, () => rng.pick(pieces)).join("");
      const result = analyseContext(text);
      expect(result).toHaveLength(CONTEXT_MARKER_COUNT);
      for (const m of result) {
        if (!allowed.has(m.token) || m.description.length < 10) expect.fail(`${JSON.stringify(text)} → ${m.token}: ${m.description}`);
      }
    }
  });

  it("puts the markers after [CLS], equal to tokenizing the prefix + text, with spans into the text", () => {
    const tokenizer = new SqlTokenizer(buildVocabulary());
    const text = "1' OR '1'='1";
    const input = tokenizeForModel(tokenizer, text);
    expect(input.tokens.map((t) => t.id)).toEqual(tokenizer.tokenize(contextPrefix(text) + text).tokens.map((t) => t.id));
    expect(CONTEXT_MARKER_COUNT).toBe(9);
    expect(input.tokens.slice(1, 1 + CONTEXT_MARKER_COUNT).map((t) => t.piece)).toEqual(input.markers.map((m) => m.token));
    const own = input.tokens.slice(1 + CONTEXT_MARKER_COUNT, -1);
    expect(own.map((t) => text.slice(t.start, t.end))).toEqual(["1", "'", "OR", "'", "1", "'", "=", "'", "1"]);
  });

  it("lets no input forge a marker", () => {
    const forged = `${CONTEXT_TOKENS[1]!}1 or true`;
    const prepared = prepareInput(forged);
    expect(prepared.notes.join()).toMatch(/reserved characters/);
    const tokenizer = new SqlTokenizer(buildVocabulary());
    const ids = tokenizeForModel(tokenizer, prepared.mapped.text).tokens.map((t) => t.id);
    // The markers after [CLS], and no marker id among the text's own tokens.
    const markerIds = new Set(CONTEXT_TOKENS.map((t) => tokenizer.idOf(t)));
    expect(ids.slice(1 + CONTEXT_MARKER_COUNT).filter((id) => markerIds.has(id))).toEqual([]);
  });
});
