import { describe, expect, it } from "vitest";
import { containsSql, looksLikeStatement } from "../../src/scanner/sql-text.js";

describe("SQL text gates", () => {
  it("takes whole statements in every common shape as SQL", () => {
    for (const sql of [
      "SELECT id, name FROM users",
      "select u.id from u",
      "SELECT count(*) FROM t",
      "SELECT DISTINCT name FROM t",
      "SELECT\n  id,\n  name\nFROM t",
      "SELECT COALESCE(x, 0) FROM t",
      "SELECT 1",
      "SELECT $1::int",
      "(SELECT * FROM a) UNION (SELECT * FROM b)",
      "update users set a = 1",
      "INSERT OR REPLACE INTO t VALUES (1)",
      "DELETE FROM t",
      "WITH x AS (SELECT 1) SELECT * FROM x",
      "SHOW tables",
      "SET search_path = x",
      "BEGIN;",
      "CREATE TABLE IF NOT EXISTS t (id int)",
      "PRAGMA foreign_keys = ON",
    ]) {
      expect(looksLikeStatement(sql), sql).toBe(true);
    }
  });

  it("does not take user-interface text for SQL", () => {
    for (const text of ["Select a user from the list", "Select your language", "Update your profile", "Show more", "Set the value", "Begin now", "Create a table for me", "Delete"]) {
      expect(looksLikeStatement(text), text).toBe(false);
    }
  });

  it("recognises fragments (conditions, orderings) but not plain words", () => {
    expect(containsSql("name = ?")).toBe(true);
    expect(containsSql("created_at DESC")).toBe(true);
    expect(containsSql("SAVEPOINT `sp1`")).toBe(true);
    expect(containsSql("age > 18 AND active")).toBe(true);
    expect(containsSql("page")).toBe(false);
    expect(containsSql("/users/:id")).toBe(false);
  });
});
