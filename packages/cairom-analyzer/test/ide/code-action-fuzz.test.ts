import { describe, expect, it } from "vitest";
import { prng } from "../../fuzz/generate.mjs";
import { applyEdits, createCairoMService, InMemoryFileSystem, type Diagnostic } from "../../src/index.js";

// Programs made to draw fixes: unused bindings beside names that start with `_`, struct
// literals missing fields in every layout, `u32`/`felt` mixed in operators, arguments,
// returns and assignments, unused imports and constants, unit functions without
// `return;`. Then a few of them mutated at random, so the fixes also meet broken code.

type Rand = () => number;

const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const NAMES = ["x", "_x", "__x", "y", "_y", "n", "i", "total", "_total"];
const TYPES = ["felt", "u32"];

function operand(rand: Rand, names: readonly string[]): string {
  const r = rand();
  if (r < 0.55 && names.length > 0) return pick(rand, names);
  if (r < 0.7) return pick(rand, ["1", "2", "7u32", "3felt"]);
  if (r < 0.8) return `(${operand(rand, names)} ${pick(rand, ["+", "*"])} ${operand(rand, names)})`;
  if (r < 0.9) return `g(${operand(rand, names)})`;
  return `${operand(rand, names)} as felt`;
}

function expr(rand: Rand, names: readonly string[]): string {
  let out = operand(rand, names);
  const n = Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) out += ` ${pick(rand, ["+", "-", "*", "/", "==", "!=", "<", "%", "&"])} ${operand(rand, names)}`;
  return out;
}

function structLiteral(rand: Rand, names: readonly string[], indent: string): string {
  const given = [
    ["x", () => expr(rand, names)],
    ["y", () => pick(rand, ["0u32", "5", ...names])],
    ["ok", () => pick(rand, ["true", "false"])],
  ].filter(() => rand() < 0.5) as [string, () => string][];
  const fields = given.map(([f, v]) => `${f}: ${v()}`);
  const trailing = rand() < 0.5 ? "," : "";
  const comment = rand() < 0.2 ? " // last" : "";
  switch (Math.floor(rand() * 3)) {
    case 0:
      return `P { ${fields.join(", ")}${fields.length > 0 ? trailing : ""} }`;
    case 1: {
      if (fields.length === 0) return `P {\n${indent}}`;
      const body = fields.map((f, i) => `${indent}    ${f}${i < fields.length - 1 ? "," : trailing}`).join("\n");
      return `P {\n${body}${comment}\n${indent}}`;
    }
    default:
      return `P { ${fields.join(",\n" + indent + "    ")}${fields.length > 0 ? trailing : ""}\n${indent}}`;
  }
}

function statement(rand: Rand, names: string[], ret: string): string {
  const r = rand();
  const name = pick(rand, NAMES);
  const used = names.length > 0 ? names : ["1"];
  if (r < 0.3) {
    const ty = rand() < 0.4 ? `: ${pick(rand, TYPES)}` : "";
    const s = `    let ${name}${ty} = ${expr(rand, used)};`;
    names.push(name);
    return s;
  }
  if (r < 0.4) {
    const s = `    let ${rand() < 0.5 ? `(${name}, ${pick(rand, NAMES)})` : name} = (${expr(rand, used)}, ${expr(rand, used)});`;
    names.push(name);
    return s;
  }
  if (r < 0.55) return `    let _p = ${structLiteral(rand, used, "    ")};`;
  if (r < 0.65) return `    ${pick(rand, used)} = ${expr(rand, used)};`;
  if (r < 0.75) return `    if ${expr(rand, used)} == ${expr(rand, used)} { return ${ret === "" ? "" : expr(rand, used)}; }`;
  if (r < 0.85) return `    let _a: ${pick(rand, TYPES)} = g(${expr(rand, used)}) + ${expr(rand, used)};`;
  return `    assert(${expr(rand, used)} == ${expr(rand, used)});`;
}

function program(rand: Rand): string {
  let out = "";
  if (rand() < 0.5) out += `use other::{${["Point", "add", "_add"].filter(() => rand() < 0.6).join(", ") || "add"}};\n`;
  out += "struct P { x: felt, y: u32, ok: bool }\n";
  out += "fn g(v: felt) -> felt { return v; }\n";
  if (rand() < 0.4) out += `const ${pick(rand, ["C", "x", "_x", "N"])}: ${pick(rand, TYPES)} = 3;\n`;
  const fns = 1 + Math.floor(rand() * 2);
  for (let f = 0; f < fns; f++) {
    const params = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, NAMES)))];
    const typed = params.map((p) => `${p}: ${pick(rand, TYPES)}`);
    const ret = rand() < 0.3 ? "" : pick(rand, TYPES);
    out += `fn ${pick(rand, ["f", "h", "_x", "k"])}${f}(${typed.join(", ")})${ret ? ` -> ${ret}` : ""} {\n`;
    const names = [...params];
    const stmts = 1 + Math.floor(rand() * 5);
    for (let s = 0; s < stmts; s++) out += statement(rand, names, ret) + "\n";
    // A unit function sometimes ends without `return;` (its fix), or returns a value (another).
    if (ret !== "") out += `    return ${expr(rand, names.length > 0 ? names : ["1"])};\n`;
    else if (rand() < 0.4) out += rand() < 0.5 ? "    return 5u32;\n" : "    return;\n";
    out += "}\n";
  }
  return out;
}

const TOKENS = ["_x", "x", ",", "}", "{", ";", "\n", " as felt", "u32", "let ", "y: 1", "//", "+", "1"];

function mutate(rand: Rand, text: string): string {
  let s = text;
  const edits = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (s.length + 1));
    s = rand() < 0.5 ? s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 4)) : s.slice(0, at) + pick(rand, TOKENS) + s.slice(at);
  }
  return s;
}

/**
 * Diagnostics as `code message` counts (ranges move when a fix inserts text). `renamed`
 * maps the name a prefix fix gave back to the old one, as messages quote binding names
 * (applied to the counts before the fix too, where another item may use the new name).
 */
function counts(diagnostics: readonly Diagnostic[], renamed?: [string, string]): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of diagnostics) {
    const message = renamed ? d.message.split(`\`${renamed[0]}\``).join(`\`${renamed[1]}\``) : d.message;
    const key = `${d.code} ${message}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** For "Prefix `x` with `__`": the new name and the old one. */
function renameOf(title: string): [string, string] | undefined {
  const m = /^Prefix `(\w+)` with `(_+)`$/.exec(title);
  return m ? [m[2]! + m[1]!, m[1]!] : undefined;
}

describe("code actions on generated programs (seeded)", () => {
  it("applying any offered fix adds no diagnostic, removes the one it fixes, and never throws", () => {
    const rand = prng(0xf1c5);
    const errors: string[] = [];
    const fs = new InMemoryFileSystem({
      "/p/cairom.toml": 'name = "p"\nentry_point = "main.cm"\n',
      "/p/src/other.cm": "struct Point { x: felt, y: felt }\nfn add(a: felt, b: felt) -> felt { return a + b; }\n",
    });
    const service = createCairoMService({ fs, onError: (feature, e) => errors.push(`${feature}: ${String(e)}`) });
    const path = "/p/src/main.cm";
    const failures: string[] = [];
    let applied = 0;
    for (let i = 0; i < 500 && failures.length < 5; i++) {
      const base = program(rand);
      const text = rand() < 0.25 ? mutate(rand, base) : base;
      service.setFileText(path, text);
      const diagnostics = service.getDiagnostics(path);
      const actions = service.getCodeActions(path, { start: 0, end: text.length });
      for (const action of actions) {
        const renamed = renameOf(action.title);
        const before = counts(diagnostics, renamed);
        const fixed = applyEdits(text, action.edits);
        service.setFileText(path, fixed);
        const after = counts(service.getDiagnostics(path), renamed);
        applied++;
        const fixedKey = [...counts([action.diagnostic], renamed).keys()][0]!;
        const added = [...after].filter(([k, n]) => n > (before.get(k) ?? 0)).map(([k]) => k);
        if (added.length > 0) failures.push(`"${action.title}" added ${JSON.stringify(added)}:\n${text}\n--- gave ---\n${fixed}`);
        else if ((after.get(fixedKey) ?? 0) >= (before.get(fixedKey) ?? 0)) failures.push(`"${action.title}" left ${fixedKey}:\n${text}\n--- gave ---\n${fixed}`);
      }
    }
    expect(errors).toEqual([]);
    expect(failures).toEqual([]);
    // The generator must keep drawing fixes of every kind, or the test proves little.
    expect(applied).toBeGreaterThan(1000);
  });
});
