import { describe, expect, it } from "vitest";
import { findSensitiveLiterals, luhnValid, shannonEntropy } from "../../src/scanner/index.js";

const kinds = (sql: string) => findSensitiveLiterals(sql).map((m) => [m.kind, sql.slice(m.start, m.end)]);

describe("sensitive literals", () => {
  it("checks card numbers with Luhn", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(kinds("INSERT INTO cards VALUES ('4111-1111-1111-1111', '4111111111111112')")).toEqual([["card-number", "4111-1111-1111-1111"]]);
    // Long digit runs that fail Luhn, or repeat one digit, are not cards.
    expect(kinds("SELECT * FROM t WHERE id IN (1234567890123, 0000000000000000)")).toEqual([]);
  });

  it("finds API keys by prefix and private keys", () => {
    expect(kinds("UPDATE s SET k = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'")).toEqual([["api-key", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"]]);
    expect(kinds("SELECT 'AKIAIOSFODNN7EXAMPLE'")).toEqual([["api-key", "AKIAIOSFODNN7EXAMPLE"]]);
    expect(kinds("SELECT 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'")[0]?.[0]).toBe("api-key");
    expect(kinds("SELECT '-----BEGIN RSA PRIVATE KEY-----'")[0]?.[0]).toBe("private-key");
  });

  it("finds e-mail addresses but not SQL that merely has an @", () => {
    expect(kinds("SELECT * FROM users WHERE email = 'ann.lee+test@mail.example.co.uk'")).toEqual([["email", "ann.lee+test@mail.example.co.uk"]]);
    expect(kinds("SELECT @@version, @var := 1")).toEqual([]);
  });

  it("flags high-entropy tokens only inside quoted SQL strings", () => {
    const token = "Zx8kQ2vN7pL4rT9wB3mC6yH1";
    expect(shannonEntropy(token)).toBeGreaterThan(4.2);
    expect(kinds(`INSERT INTO tokens VALUES ('${token}')`)).toEqual([["high-entropy", token]]);
    expect(kinds(`SELECT ${token} FROM t`)).toEqual([]);
    // Identifiers and hex digests are not flagged.
    expect(kinds("SELECT 'customer_lifetime_value_total', 'd41d8cd98f00b204e9800998ecf8427e'")).toEqual([]);
  });
});
