/**
 * The context analysis (src/context/): how an input reads as SQL as a whole, in a numeric
 * position, inside '…' and inside "…". These markers are what lets the model tell a
 * complete statement script from a fragment that breaks out of its literal.
 */
import { describe, expect, it } from "vitest";
import { analyseContext, CONTEXT_TOKENS, contextPrefix } from "../src/context/sql-context.js";
import { lexSql } from "../src/context/sql-lexer.js";
import { prepareInput } from "../src/classifier/prepare-input.js";
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

  it("emits one marker per context, always from the fixed list, with a sentence each", () => {
    const rng = new Rng(99);
    const pieces = ["'", '"', "--", "/*", "*/", "#", ";", "(", ")", "or", "select", "1", " ", "+", "x", "\\", "/*!", "`", "é", "\u0000"];
    const allowed = new Set(CONTEXT_TOKENS);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: rng.int(0, 30) }, () => rng.pick(pieces)).join("");
      const result = analyseContext(text);
      expect(result).toHaveLength(7);
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
    expect(input.tokens.slice(1, 8).map((t) => t.piece)).toEqual(input.markers.map((m) => m.token));
    const own = input.tokens.slice(8, -1);
    expect(own.map((t) => text.slice(t.start, t.end))).toEqual(["1", "'", "OR", "'", "1", "'", "=", "'", "1"]);
  });

  it("lets no input forge a marker", () => {
    const forged = `${CONTEXT_TOKENS[1]!}1 or true`;
    const prepared = prepareInput(forged);
    expect(prepared.notes.join()).toMatch(/reserved characters/);
    const tokenizer = new SqlTokenizer(buildVocabulary());
    const ids = tokenizeForModel(tokenizer, prepared.mapped.text).tokens.map((t) => t.id);
    // Seven markers after [CLS], and no marker id among the text's own tokens.
    const markerIds = new Set(CONTEXT_TOKENS.map((t) => tokenizer.idOf(t)));
    expect(ids.slice(8).filter((id) => markerIds.has(id))).toEqual([]);
  });
});
