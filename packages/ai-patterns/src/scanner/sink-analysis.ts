import type { Node, Tree } from "web-tree-sitter";
import { functionName, SqlEvaluator } from "./evaluator.js";
import { renderExtraction, type ExtractedSqlData } from "./extraction.js";
import { parameterizeFix } from "./fix-builder.js";
import type { CallSite, HostSyntax } from "./host-syntax.js";
import { findSensitiveLiterals } from "./sensitive-literals.js";
import { hasText, holesOf, leadingText, type SqlValue } from "./sql-value.js";
import { containsSql, looksLikeStatement } from "./sql-text.js";
import type { LanguageId, ScanDiagnostic, SinkSpec, SqlBuildKind, SqlDialectHint, SqlHole, TextRange } from "./types.js";

/** What one file's analysis produces before caching. */
export interface FileAnalysis {
  diagnostics: ScanDiagnostic[];
  extractions: ExtractedSqlData[];
}

/** Sinks of one language, indexed for the text prefilter. */
export interface LanguageSinks {
  /** Matches any sink name as a whole word. */
  names: RegExp;
  /** Specs by method name. */
  byMethod: ReadonlyMap<string, readonly SinkSpec[]>;
}

/** Indexes the sinks that apply to `language`. */
export function indexSinks(sinks: readonly SinkSpec[], language: LanguageId): LanguageSinks {
  const byMethod = new Map<string, SinkSpec[]>();
  for (const spec of sinks) {
    if (!spec.languages.includes(language)) continue;
    const list = byMethod.get(spec.method) ?? [];
    list.push(spec);
    byMethod.set(spec.method, list);
  }
  const alternatives = [...byMethod.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&"));
  const names = alternatives.length > 0 ? new RegExp(`(?<![\\w$])(?:${alternatives.join("|")})(?![\\w$])`, "g") : /(?!)/g;
  return { names, byMethod };
}

/** True when the file mentions a sink name at all (the cheap test before parsing). */
export function mentionsSink(text: string, sinks: LanguageSinks): boolean {
  sinks.names.lastIndex = 0;
  return sinks.names.test(text);
}

/** Offsets of every sink name in the text, in order. */
export function sinkOffsets(text: string, sinks: LanguageSinks): number[] {
  sinks.names.lastIndex = 0;
  return [...text.matchAll(sinks.names)].map((m) => m.index);
}

/**
 * Finds the sinks in a parsed file and decides, for each, how its SQL is built, whether
 * it is injectable, what the SQL is, and whether it carries sensitive literals.
 */
export function analyzeTree(
  source: string,
  tree: Tree,
  language: LanguageId,
  syntax: HostSyntax,
  sinks: LanguageSinks,
  options: { sensitiveLiterals: boolean },
): FileAnalysis {
  const diagnostics: ScanDiagnostic[] = [];
  const extractions: ExtractedSqlData[] = [];
  const consumed: TextRange[] = [];
  const seenSql = new Set<string>();
  const scopes = new Map<number, Node | null>();
  const functions = new Map<string, Node | null>();
  const root = tree.rootNode;
  sinks.names.lastIndex = 0;
  const analysedCalls = new Set<number>();
  const wrappers: Wrapper[] = [];
  const record = (found: SinkFinding) => {
    consumed.push(found.extraction.sink.argumentRange);
    if (found.diagnostic) diagnostics.push(found.diagnostic);
    const key = `${found.extraction.runs[0]?.hostStart ?? -1}:${found.extraction.sql}`;
    // An opaque argument has no SQL text to hand out (its diagnostic, if any, stands).
    const hasSqlText = found.extraction.runs.some((r) => !r.placeholder && r.length > 0);
    if (hasSqlText && !seenSql.has(key)) {
      seenSql.add(key);
      extractions.push(found.extraction);
    }
    if (found.wrapper && !wrappers.some((w) => w.name === found.wrapper!.name)) wrappers.push(found.wrapper);
  };
  for (const hit of source.matchAll(sinks.names)) {
    const method = hit[0];
    const site = callAtHit(root, syntax, hit.index, method.length);
    if (!site || analysedCalls.has(site.call.id)) continue;
    // A tagged template passed to another sink was analysed as part of that sink.
    if (consumed.some((r) => r.start <= site.call.startIndex && site.call.endIndex <= r.end)) continue;
    for (const spec of sinks.byMethod.get(method) ?? []) {
      const found = analyzeSink(new SqlEvaluator(source, tree, syntax, scopes, functions), source, language, syntax, site, spec, null);
      if (!found) continue;
      analysedCalls.add(site.call.id);
      record(found);
      break;
    }
  }
  // Thin wrappers (`function run(sql) { return db.query(sql); }`) are sinks too: their
  // callers in this file are analysed as if they called the database directly.
  for (let round = 0, done = 0; round < MAX_WRAPPER_ROUNDS && done < wrappers.length; round++) {
    const batch = wrappers.slice(done);
    done = wrappers.length;
    for (const wrapper of batch) {
      const spec: SinkSpec = { languages: [language], method: wrapper.name, argument: wrapper.index };
      const pattern = new RegExp(`(?<![\\w$])${wrapper.name.replace(/[$]/g, "\\$")}(?=\\s*\\()`, "g");
      for (const hit of source.matchAll(pattern)) {
        const site = callAtHit(root, syntax, hit.index, wrapper.name.length);
        if (!site || analysedCalls.has(site.call.id)) continue;
        if (site.call.startIndex >= wrapper.scope.start && site.call.endIndex <= wrapper.scope.end) continue;
        const found = analyzeSink(new SqlEvaluator(source, tree, syntax, scopes, functions), source, language, syntax, site, spec, wrapper);
        if (!found) continue;
        analysedCalls.add(site.call.id);
        record(found);
      }
    }
  }
  if (options.sensitiveLiterals) diagnostics.push(...sensitiveDiagnostics(extractions));
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { diagnostics, extractions };
}

interface SinkFinding {
  extraction: ExtractedSqlData;
  diagnostic: ScanDiagnostic | null;
  /** Set when the sink's whole SQL is a parameter of a named function: that function is a sink too. */
  wrapper?: Wrapper;
}

/** A function that passes one of its parameters to a sink as the whole SQL. */
interface Wrapper {
  name: string;
  index: number;
  parameter: string;
  /** The wrapper's body (calls inside it are not calls of the wrapper). */
  scope: TextRange;
  /** The sink call inside the wrapper, and its description. */
  inner: TextRange;
  innerCallee: string;
}

const MAX_WRAPPER_ROUNDS = 3;

function callAtHit(root: Node, syntax: HostSyntax, at: number, length: number): CallSite | null {
  const nameNode = root.descendantForIndex(at, at + length);
  if (!nameNode || nameNode.startIndex !== at || nameNode.endIndex !== at + length) return null;
  return syntax.callAt(nameNode);
}

function analyzeSink(
  evaluator: SqlEvaluator,
  source: string,
  language: LanguageId,
  syntax: HostSyntax,
  site: CallSite,
  spec: SinkSpec,
  via: Wrapper | null,
): SinkFinding | null {
  let argument: Node | null;
  let value: SqlValue;
  if (spec.kind === "tagged-template") {
    if (!site.template) return null;
    argument = site.template;
    value = evaluator.evaluate(site.call, "opaque");
    if (!value.tagged) return null;
  } else {
    if (site.template) return null;
    const index = (spec.argument ?? 0) < 0 ? site.args.length + (spec.argument ?? 0) : (spec.argument ?? 0);
    argument = site.args[index] ?? null;
    if (!argument) return null;
    value = evaluator.evaluate(argument, "opaque");
  }

  const receiverText = site.receiver ? source.slice(site.receiver.startIndex, site.receiver.endIndex) : "";
  const receiverOk = !spec.receiver || spec.receiver.test(lastSegment(receiverText));
  const text = hasText(value);
  if (text) {
    const literal = value.pieces.map((p) => (p.kind === "text" ? p.text : " ? ")).join("");
    // Literal text must read like SQL (a statement or a condition), and without a
    // database receiver it must be a whole statement: `url.query("name")` or
    // `text("Select a user")` are not SQL.
    if (!containsSql(literal)) return null;
    if (!receiverOk && !looksLikeStatement(leadingText(value))) return null;
  } else if (!receiverOk || !(spec.reportOpaqueUntrusted ?? !spec.requireSqlText)) {
    return null;
  }

  const holes = holesOf(value);
  const spliced = holes.filter((h) => h.how !== "bound");
  const risky = spliced.filter((h) => h.taint !== "safe");
  const positionalArgs = site.args.length;
  const sqlIndex = site.args.indexOf(argument);
  const hasParameters = site.template === null && positionalArgs > Math.max(sqlIndex, 0) + 1;
  const build: SqlBuildKind = buildKind(value, spliced, hasParameters);

  const sink = {
    method: site.name.text,
    ...(receiverText ? { receiver: receiverText.replace(/\s+/g, " ").slice(0, 120) } : {}),
    callRange: { start: site.call.startIndex, end: site.call.endIndex },
    argumentRange: { start: argument.startIndex, end: argument.endIndex },
  };
  const extraction = renderExtraction(value, sink, build, dialectFor(spec, receiverText, value));

  const separator = site.receiver ? source.slice(site.receiver.endIndex, site.name.startIndex).trim() || "." : "";
  const callee = receiverText ? `${lastSegment(receiverText)}${separator}${site.name.text}` : site.name.text;
  let wrapper: Wrapper | undefined;
  if (!text && holes.length === 1 && !value.tagged) {
    const parameter = evaluator.parameterOf(argument);
    const name = parameter ? functionName(parameter.scope, syntax) : null;
    if (parameter && name) {
      wrapper = {
        name,
        index: parameter.index,
        parameter: parameter.name,
        scope: { start: parameter.scope.startIndex, end: parameter.scope.endIndex },
        inner: sink.callRange,
        innerCallee: via ? `${callee} → ${via.innerCallee}` : callee,
      };
    }
  }
  const untrusted = risky.filter((h) => h.taint === "untrusted");
  if (risky.length === 0 || (!text && untrusted.length === 0)) return wrapper ? { extraction, diagnostic: null, wrapper } : { extraction, diagnostic: null };
  const severity = untrusted.length > 0 ? "error" : "warning";
  const lead = untrusted[0] ?? risky[0]!;
  const message =
    severity === "error"
      ? `SQL injection: untrusted input \`${lead.text}\` is ${verb(lead)} the SQL passed to \`${callee}\`${lead.reason.startsWith("untrusted") ? "" : ` (${lead.reason})`}; ${lead.how === "opaque" ? "build the SQL in code, with bound parameters for values and an allow-list for names" : "pass it as a bound parameter"}.`
      : `Possible SQL injection: \`${lead.text}\` is ${verb(lead)} the SQL passed to \`${callee}\` and is not known to be safe; pass it as a bound parameter.`;
  const diagnostic: ScanDiagnostic = {
    code: "sql-injection",
    severity,
    message,
    range: sink.argumentRange,
    source: "patterns",
    related: risky.flatMap((h) => relatedOf(h)),
  };
  if (via) {
    diagnostic.related!.push({ range: via.inner, message: `\`${via.name}\` passes its parameter \`${via.parameter}\` to \`${via.innerCallee}\` as the SQL` });
  } else if (receiverOk) {
    // Matched by its SQL text alone, the call's API is unknown: no mechanical rewrite.
    const fix = parameterizeFix(language, source, site, spec, sink.argumentRange, value);
    if (fix) diagnostic.fixes = [fix];
  }
  return wrapper ? { extraction, diagnostic, wrapper } : { extraction, diagnostic };
}

function buildKind(value: SqlValue, spliced: readonly SqlHole[], hasParameters: boolean): SqlBuildKind {
  if (!hasText(value) && !value.tagged) return spliced.length > 0 && spliced.every((h) => h.taint === "safe") ? "constant" : "opaque";
  const first = spliced.find((h) => h.taint !== "safe") ?? spliced[0];
  if (first) return first.how === "interpolation" ? "interpolation" : first.how === "format" ? "format" : "concatenation";
  if (value.tagged) return "tagged-template";
  return hasParameters ? "parameterized" : "constant";
}

function verb(hole: SqlHole): string {
  switch (hole.how) {
    case "interpolation":
      return "interpolated into";
    case "format":
      return "formatted into";
    case "concatenation":
      return "concatenated into";
    default:
      return "used as";
  }
}

function relatedOf(hole: SqlHole): { range: TextRange; message: string }[] {
  const related = [{ range: hole.range, message: `${hole.reason}; it enters the SQL here` }];
  if (hole.originRange && (hole.originRange.start !== hole.range.start || hole.originRange.end !== hole.range.end)) {
    related.push({ range: hole.originRange, message: "the value is read here" });
  }
  return related;
}

function lastSegment(receiver: string): string {
  const compact = receiver.replace(/\s+/g, "");
  const m = /([A-Za-z_$][\w$]*)(?:\((?:[^()]|\([^()]*\))*\))?$/.exec(compact);
  return m?.[1] ?? compact;
}

function dialectFor(spec: SinkSpec, receiver: string, value: SqlValue): SqlDialectHint | undefined {
  if (spec.dialect) return spec.dialect;
  if (/postgres|\bpg\b|pgx|psycopg|npgsql/i.test(receiver)) return "postgres";
  if (/mysql|maria/i.test(receiver)) return "mysql";
  if (/sqlite/i.test(receiver)) return "sqlite";
  if (value.tagged) return "postgres";
  const literal = value.pieces.map((p) => (p.kind === "text" ? p.text : "")).join("");
  return /\$\d+\b/.test(literal) ? "postgres" : undefined;
}

function sensitiveDiagnostics(extractions: readonly ExtractedSqlData[]): ScanDiagnostic[] {
  const out: ScanDiagnostic[] = [];
  const seen = new Set<string>();
  for (const extraction of extractions) {
    const map = (i: number) => mapOffset(extraction, i);
    for (const match of findSensitiveLiterals(extraction.sql)) {
      const range = { start: map(match.start), end: map(match.end - 1) + 1 };
      const key = `${range.start}:${range.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        code: "sensitive-literal",
        severity: match.kind === "email" ? "info" : "warning",
        message: `This SQL literal looks like ${match.label}; keep secrets and personal data out of source code and bind them as parameters.`,
        range,
        source: "patterns",
      });
    }
  }
  return out;
}

function mapOffset(extraction: ExtractedSqlData, at: number): number {
  const runs = extraction.runs;
  let found = runs[0];
  for (const run of runs) {
    if (run.sqlStart > at) break;
    found = run;
  }
  if (!found) return extraction.sink.argumentRange.start;
  return found.placeholder ? found.hostStart : found.hostStart + (at - found.sqlStart);
}
