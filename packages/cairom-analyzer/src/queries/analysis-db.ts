import { Database, type EngineListener, type Query, type QueryContext } from "@sextant/query-engine";
import type { Diagnostic } from "../diagnostic.js";
import type { ModuleFile } from "../project/project.js";
import { checkItem, PARAM_REF, type CheckEnv, type FunctionAnalysis } from "../semantics/checker.js";
import { buildItemIndex, itemKeys, type ItemIndex } from "../semantics/item-index.js";
import { checkModule, findImportCycles, namesImportedFrom, unusedTopLevel, type ImportCycle, type ModuleCheckResult } from "../semantics/module-checks.js";
import { buildReferenceIndex, sameReferenceIndex, type ReferenceIndex } from "../semantics/reference-index.js";
import { computeModuleSymbols, type Def, type ModuleBinding, type ModuleSymbols, type ModuleWorld } from "../semantics/symbols.js";
import { ERROR, primitiveType, StructType, type Ty } from "../semantics/types.js";
import type { ItemAst } from "../syntax/ast.js";
import type { SignificantTokens } from "../syntax/lexer.js";
import { parse, parseItemAt, parseKeepingTokens, type ParseResult } from "../syntax/parser.js";
import { memoByObject } from "../memo-by-object.js";
import { firstAbove } from "../sorted-search.js";

/** Which project and module a file belongs to. */
export interface FileModule {
  /** Project id (manifest path or standalone file path). */
  readonly project: string;
  /** Module path within the project. */
  readonly module: string;
}

/** A parsed file with the stable keys of its items. */
export interface ParsedFile {
  /**
   * The parse result, without tokens or tree (see the `syntaxTree` query) and without
   * function bodies (`body: null`; the item analyses parse their item's text).
   */
  readonly result: ParseResult;
  /** `keys[i]` is the key of `result.items[i]`. */
  readonly keys: readonly string[];
  /** Item position by key. */
  readonly byKey: ReadonlyMap<string, number>;
  /**
   * `bodySkipped[i]`: the file parse stepped over the body of item `i` (see `skipBodies`),
   * so its syntax errors come from the item's analysis, which parses the item anyway.
   */
  readonly bodySkipped: readonly boolean[];
  /** @internal The file's tokens while its skipped items may still be analysed (see `KeptTokens`). */
  readonly kept: KeptTokens;
}

/**
 * The significant tokens of a parsed file, kept so that the analyses of the items whose
 * body the file parse skipped parse them from these tokens instead of lexing their text
 * again (`parseItemAt`: the same AST and syntax errors). Only while they are likely to be
 * needed: they are dropped once the file's diagnostics are computed, when the file is
 * parsed again, or when too many are kept (oldest first); an analysis that finds them gone
 * parses its item's text, as it always may.
 */
export class KeptTokens {
  constructor(
    /** The file text they were lexed from. */
    readonly text: string,
    /** The tokens, or `undefined` once dropped. */
    public tokens: SignificantTokens | undefined,
  ) {}
}

/** An {@link ItemSource} (a class, for the reason given in `alloc.ts`: one per item, kept in the memo). */
class ItemSourceValue implements ItemSource {
  declare readonly text: string;
  declare readonly order: number;
  declare readonly bodySkipped: boolean;
  declare readonly start: number;
  declare readonly kept: KeptTokens | undefined;
  constructor(text: string, order: number, bodySkipped: boolean, start: number, kept: KeptTokens | undefined) {
    this.text = text;
    this.order = order;
    this.bodySkipped = bodySkipped;
    this.start = start;
    this.kept = kept;
  }
}

/** Most tokens kept at once per database (9 bytes each, outside the JavaScript heap: 18 MB). */
const MAX_KEPT_TOKENS = 2_000_000;

/** The text of one item and its position (the analysis parses the text: equal text ⇒ equal AST). */
export interface ItemSource {
  /** The item's text ("" when the key no longer exists). */
  readonly text: string;
  /** Its position among the file's items (top-level constants are visible only to later items). */
  readonly order: number;
  /** The file parse did not parse the body: the analysis reports the body's syntax errors. */
  readonly bodySkipped: boolean;
  /** @internal Where the item starts in the text of `kept` (not compared: a backdated value keeps both from its own parse). */
  readonly start: number;
  /** @internal The file's tokens from the same parse. */
  readonly kept: KeptTokens | undefined;
}

/**
 * Composite query keys are joined strings (not tuples): the engine then uses them as
 * `Map` keys directly instead of canonicalising a structure on every read.
 */
const SEP = "\u0000";

/** Key of a module: project id and module path. */
export function moduleKey(project: string, module: string): string {
  return project + SEP + module;
}

/** Key of an item: file path and item key (`fn:name#0`). */
export function itemQueryKey(path: string, key: string): string {
  return path + SEP + key;
}

/** Splits a key made by {@link moduleKey} or {@link itemQueryKey}. */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf(SEP);
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Module name → file path, built once per module list. */
const modulePathMap = memoByObject(
  (modules: readonly ModuleFile[]): ReadonlyMap<string, string> => new Map(modules.map((m) => [m.name, m.path])),
);

/** Name → binding of a module's symbols, built once per memoized symbols. */
export const bindingMap = memoByObject(
  (symbols: ModuleSymbols): Map<string, ModuleBinding> => new Map(symbols.bindings.map((b) => [b.name, b])),
);

/** Moves an item-relative diagnostic to file offsets; related entries with no file are in this item. */
function shift(d: Diagnostic, by: number, path: string): Diagnostic {
  const r = (x: { start: number; end: number }) => ({ start: x.start + by, end: x.end + by });
  const out: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = { ...d, range: r(d.range) };
  if (d.fixes) out.fixes = d.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ range: r(e.range), newText: e.newText })) }));
  if (d.related) out.related = d.related.map((x) => (x.file ? x : { file: path, range: r(x.range), message: x.message }));
  return out;
}

/**
 * The checker's "Add `return;`" fix inserts bare `return;\n` before the body's `}` (it sees no
 * text). Laid out here, where the item's text is at hand: a `}` alone on its line gets a line
 * of its own before it, indented as the body's last line (one level deeper than the brace for
 * an empty body), in the file's line endings; a `}` after code on its line gets ` return;`
 * before it on that line.
 */
function withLaidOutReturnFix(analysis: FunctionAnalysis, text: string, bodyOpen: number): FunctionAnalysis {
  const at = analysis.diagnostics.findIndex((d) => d.code === "missing-return" && d.fixes !== undefined && d.fixes.length > 0);
  if (at < 0) return analysis;
  const d = analysis.diagnostics[at]!;
  const close = d.fixes![0]!.edits[0]!.range.start;
  if (close <= bodyOpen || close >= text.length || text.charCodeAt(close) !== 125 /* } */) return analysis;
  const lineStart = lineStartOf(text, close);
  let edit: { range: { start: number; end: number }; newText: string };
  if (/^[ \t]*$/.test(text.slice(lineStart, close))) {
    const eol = lineStart >= 2 && text.charCodeAt(lineStart - 2) === 13 ? "\r\n" : "\n";
    // The last non-blank line before the brace; the opening line's indentation plus a level when there is none in the body.
    let previous = lineStart;
    let indent = "";
    for (;;) {
      if (previous === 0) break;
      const start = lineStartOf(text, previous - 1);
      const line = text.slice(start, previous).replace(/\r?\n$/, "");
      if (start <= bodyOpen) {
        indent = /^[ \t]*/.exec(text.slice(lineStartOf(text, bodyOpen), bodyOpen))![0] + "    ";
        break;
      }
      if (line.trim() !== "") {
        indent = /^[ \t]*/.exec(line)![0];
        break;
      }
      previous = start;
    }
    edit = { range: { start: lineStart, end: lineStart }, newText: `${indent}return;${eol}` };
  } else {
    const spaced = text.charCodeAt(close - 1) === 32 || text.charCodeAt(close - 1) === 9;
    edit = { range: { start: close, end: close }, newText: spaced ? "return; " : " return; " };
  }
  const fix = { ...d.fixes![0]!, edits: [edit] };
  const diagnostics = analysis.diagnostics.slice();
  diagnostics[at] = { ...d, fixes: [fix, ...d.fixes!.slice(1)] };
  return { ...analysis, diagnostics };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/**
 * Adds the syntax errors of a body the file parse stepped over (those after `bodyStart`;
 * lexical errors were reported by the file parse, which lexes everything). Like
 * `fileDiagnostics` does for errors the file parse found, a body cut short by a syntax error
 * is not also reported as falling off its end.
 */
function withBodySyntaxErrors(analysis: FunctionAnalysis, parseDiagnostics: readonly Diagnostic[], bodyStart: number): FunctionAnalysis {
  const own = parseDiagnostics.filter(
    // An error at the body's `{` itself is the signature's (the file parse reported it).
    (d) => d.range.start > bodyStart && d.code !== "invalid-number" && d.code !== "invalid-character",
  );
  if (own.length === 0) return analysis;
  const broken = own.some((d) => d.code === "syntax-error");
  const checked = broken
    ? analysis.diagnostics.filter((d) => d.code !== "missing-return" && d.code !== "unreachable-code").map(withoutFixes)
    : analysis.diagnostics;
  return { ...analysis, diagnostics: [...own, ...checked] };
}

/**
 * `d` without its fixes. In an item with a syntax error the checker's fixes come from a
 * parse that had to guess (a struct literal's fields, which text is a body, where a
 * binding is used), so their edits could land in the wrong place or break more: the
 * diagnostics stay, the fixes wait until the item parses.
 */
function withoutFixes(d: Diagnostic): Diagnostic {
  if (!d.fixes) return d;
  const { fixes: _, ...rest } = d;
  return rest;
}

/**
 * What the checker asks of the project, answered through queries: one object per
 * analysis, no closures (and one class for every database, so call sites stay monomorphic).
 */
class ItemEnv implements CheckEnv {
  /** Bindings of the other modules read so far: one query read per module, however many accesses. */
  private others: Map<string, Map<string, ModuleBinding>> | undefined;

  constructor(
    private readonly ctx: QueryContext,
    private readonly symbolsQuery: Query<string, ModuleSymbols>,
    private readonly project: string,
    readonly module: string,
    readonly order: number,
    private readonly map: Map<string, ModuleBinding>,
    readonly itemText: string,
  ) {}

  binding(name: string): ModuleBinding | undefined {
    return this.map.get(name);
  }

  typeName(name: string): Ty | "undeclared" | "not-a-type" {
    const prim = primitiveType(name);
    if (prim) return prim;
    const b = this.map.get(name);
    if (!b) return "undeclared";
    if (!b.def) return ERROR;
    return b.def.k === "struct" ? new StructType(b.def.module, b.def.name) : "not-a-type";
  }

  structFields(m: string, name: string) {
    const d = this.defIn(m, name);
    return d?.k === "struct" ? d.fields : undefined;
  }

  fnDef(m: string, name: string) {
    const d = this.defIn(m, name);
    return d?.k === "fn" ? d : undefined;
  }

  private defIn(m: string, name: string): Def | undefined {
    let bindings = m === this.module ? this.map : this.others?.get(m);
    if (!bindings) {
      bindings = bindingMap(this.ctx.get(this.symbolsQuery, moduleKey(this.project, m)));
      (this.others ??= new Map()).set(m, bindings);
    }
    const b = bindings.get(name);
    return b?.via === "item" ? b.def : undefined;
  }
}

/**
 * The analysis pipeline as queries on one database:
 * `fileText` → `parse` → `itemIndex` (backdates on body-only edits) → `moduleSymbols`
 * → `itemSource`/`itemAnalysis` (one per function or constant) → `fileDiagnostics`
 * (the only query that pushes to the `diagnostics` accumulator).
 */
export function createAnalysisDatabase(options: { onEvent?: EngineListener } = {}) {
  const db = new Database(options.onEvent ? { onEvent: options.onEvent } : {});
  const fileText = db.input<string, string>("fileText");
  const fileModule = db.input<string, FileModule>("fileModule");
  const projectModules = db.input<string, readonly ModuleFile[]>("projectModules");
  const diagnostics = db.accumulator<Diagnostic>("diagnostics");

  // Files whose tokens are kept (insertion order = age), and how many tokens that is.
  const keptByPath = new Map<string, KeptTokens>();
  let keptCount = 0;
  /** The buffer of the last tokens dropped, for the next file parse to copy into (an edit re-parses and drops in turn). */
  let spare: ArrayBuffer | undefined;
  const dropKept = (path: string): void => {
    const kept = keptByPath.get(path);
    if (!kept) return;
    keptByPath.delete(path);
    if (kept.tokens) {
      keptCount -= kept.tokens.count;
      spare = kept.tokens.starts.buffer as ArrayBuffer;
    }
    kept.tokens = undefined;
  };
  const keep = (path: string, kept: KeptTokens): void => {
    dropKept(path);
    keptByPath.set(path, kept);
    keptCount += kept.tokens!.count;
    for (const oldest of keptByPath.keys()) {
      if (keptCount <= MAX_KEPT_TOKENS || oldest === path) break;
      dropKept(oldest);
    }
  };

  const parsed = db.query<string, ParsedFile>(
    "parse",
    (ctx, path) => {
      // The analysis needs only the item ASTs and diagnostics; the lossless tree and the
      // tokens are the `syntaxTree` query's (kept for a bounded number of files).
      // Function bodies are not kept: each function's analysis parses its own item text,
      // so body ASTs live only while one function is checked (keeping them for every file
      // made them most of the heap, and copying and marking them most of the collector's
      // work in a cold check). So the file parse steps over the bodies it safely can, and
      // the analyses report those bodies' syntax errors from their own parse: each body is
      // parsed once instead of twice.
      const text = ctx.get(fileText, path);
      const { result, tokens, bodySkipped } = parseKeepingTokens(text, spare);
      if (tokens.starts.buffer === spare) spare = undefined;
      const kept = new KeptTokens(text, tokens);
      keep(path, kept);
      const keys = itemKeys(result.items);
      return { result, keys, byKey: new Map(keys.map((k, i) => [k, i])), bodySkipped, kept };
    },
    { equals: (a, b) => a.result.text === b.result.text },
  );

  const syntaxTree = db.query<string, ParseResult>("syntaxTree", (ctx, path) => parse(ctx.get(fileText, path)), {
    equals: (a, b) => a.text === b.text,
    lru: 64,
  });

  /**
   * Names mentioned per item of a file (for references and rename, never read by the
   * diagnostics pass); backdates unless an edit adds or drops a name of some item.
   */
  const referenceIndex = db.query<string, ReferenceIndex>(
    "referenceIndex",
    (ctx, path) => {
      const file = ctx.get(parsed, path);
      return buildReferenceIndex(file.result.items, file.keys);
    },
    { equals: sameReferenceIndex },
  );

  const itemIndex = db.query<string, ItemIndex>("itemIndex", (ctx, path) => {
    const file = ctx.get(parsed, path);
    return buildItemIndex(file.result.items, file.keys);
  });

  const modulePath = db.query<string, string | null>("modulePath", (ctx, k) => {
    const [project, module] = splitKey(k);
    const modules = ctx.get(projectModules, project);
    return modules.find((m) => m.name === module)?.path ?? null;
  });

  const worldFor = (ctx: QueryContext, project: string): ModuleWorld => {
    // One read of the module list per query execution, then a plain map lookup.
    let paths: ReadonlyMap<string, string> | undefined;
    return {
      itemIndex(module) {
        paths ??= modulePathMap(ctx.get(projectModules, project));
        const path = paths.get(module);
        return path === undefined ? undefined : ctx.get(itemIndex, path);
      },
    };
  };

  const moduleSymbols = db.query<string, ModuleSymbols>("moduleSymbols", (ctx, k) => {
    const [project, module] = splitKey(k);
    const world = worldFor(ctx, project);
    return computeModuleSymbols(world, module, world.itemIndex(module) ?? { items: [] });
  });

  const importCycles = db.query<string, readonly ImportCycle[]>("importCycles", (ctx, project) => {
    const world = worldFor(ctx, project);
    const names = ctx.get(projectModules, project).map((m) => m.name);
    return findImportCycles(names, (m) => world.itemIndex(m));
  });

  const itemSource = db.query<string, ItemSource>(
    "itemSource",
    (ctx, k) => {
      const [path, key] = splitKey(k);
      const file = ctx.get(parsed, path);
      const i = file.byKey.get(key);
      const item = i === undefined ? undefined : file.result.items[i];
      return new ItemSourceValue(item?.text ?? "", i ?? 0, i !== undefined && file.bodySkipped[i] === true, item?.start ?? 0, file.kept);
    },
    { equals: (a, b) => a.text === b.text && a.order === b.order && a.bodySkipped === b.bodySkipped },
  );

  const analyse = (ctx: QueryContext, k: string, recordTypes: boolean): FunctionAnalysis => {
    const path = k.slice(0, k.indexOf(SEP));
    const src = ctx.get(itemSource, k);
    const { project, module } = ctx.get(fileModule, path);
    const map = bindingMap(ctx.get(moduleSymbols, moduleKey(project, module)));
    // The item's own text, parsed alone: offsets are item-relative either way, and the AST
    // lives only as long as this check.
    // A skipped item is parsed from its file's tokens while they are kept (the same AST
    // and syntax errors, without lexing the text again).
    const tokens = src.bodySkipped ? src.kept?.tokens : undefined;
    let ast: ItemAst | undefined;
    let parseDiagnostics: readonly Diagnostic[] = [];
    if (tokens) {
      const item = parseItemAt(src.kept!.text, tokens, src.start);
      ast = item.ast;
      parseDiagnostics = item.diagnostics;
    } else if (src.text !== "") {
      const itemParse = parse(src.text, { tree: false });
      ast = itemParse.items[0]?.ast;
      parseDiagnostics = itemParse.diagnostics;
    }
    if (!ast) return { diagnostics: [], locals: [], refSpans: [], refTargets: [], typeSpans: [], typeValues: [], usedTopLevel: [], literalNames: [] };
    let analysis = checkItem(new ItemEnv(ctx, moduleSymbols, project, module, src.order, map, src.text), ast, recordTypes);
    if (ast.k === "fn" && ast.body) analysis = withLaidOutReturnFix(analysis, src.text, ast.body.s);
    if (!src.bodySkipped || ast.k !== "fn" || !ast.body || parseDiagnostics.length === 0) return analysis;
    return withBodySyntaxErrors(analysis, parseDiagnostics, ast.body.s);
  };

  /** The analysis of one function or constant for diagnostics (no name uses or expression types: see `itemTypes`). */
  const itemAnalysis = db.query<string, FunctionAnalysis>("itemAnalysis", (ctx, k) => analyse(ctx, k, false));

  /** The same analysis with name uses and expression types, for IDE features (a bounded number of items kept). */
  const itemTypes = db.query<string, FunctionAnalysis>("itemTypes", (ctx, k) => analyse(ctx, k, true), { lru: 512 });

  const moduleCheck = db.query<string, ModuleCheckResult>("moduleCheck", (ctx, path) => {
    const file = ctx.get(parsed, path);
    const { project, module } = ctx.get(fileModule, path);
    return checkModule({
      path,
      module,
      items: file.result.items,
      keys: file.keys,
      symbols: ctx.get(moduleSymbols, moduleKey(project, module)),
      world: worldFor(ctx, project),
      cycles: ctx.get(importCycles, project),
    });
  });

  /** Turns abstract parameter references (see `PARAM_REF`) into locations. */
  const resolveParamRefs = (ctx: QueryContext, d: Diagnostic, project: string): Diagnostic => {
    if (!d.related?.some((r) => r.file === PARAM_REF)) return d;
    const related = d.related.flatMap((r) => {
      if (r.file !== PARAM_REF) return [r];
      const [module, key] = splitKey(r.message);
      const target = modulePathMap(ctx.get(projectModules, project)).get(module);
      if (target === undefined) return [];
      const file = ctx.get(parsed, target);
      const i = file.byKey.get(key);
      const item = i === undefined ? undefined : file.result.items[i];
      if (!item || item.ast.k === "use") return [];
      if (r.range.start < 0) {
        return [{ file: target, range: { start: item.start + item.ast.ns, end: item.start + item.ast.ne }, message: `\`${item.ast.name}\` is declared here` }];
      }
      const param = item.ast.k === "fn" ? item.ast.params[r.range.start] : undefined;
      if (!param) return [];
      return [{ file: target, range: { start: item.start + param.ns, end: item.start + param.ty.e }, message: `parameter \`${param.name}\` declared here` }];
    });
    return { ...d, related };
  };

  const fileDiagnostics = db.query<string, number>(
    "fileDiagnostics",
    (ctx, path) => {
      const file = ctx.get(parsed, path);
      const { result } = file;
      const out: Diagnostic[] = [...result.diagnostics];
      const mod = ctx.get(moduleCheck, path);
      out.push(...mod.diagnostics);
      const used = new Set(mod.usedNames);
      // Starts of the file's syntax errors, ascending: a binary search per item instead of a
      // scan per item (a garbage file has tens of thousands of both).
      const syntaxErrorStarts = result.diagnostics
        .filter((d) => d.code === "syntax-error" || d.code === "invalid-character")
        .map((d) => d.range.start)
        .sort((a, b) => a - b);
      const undeclaredSeen = new Set<string>();
      const literalNames = new Set<string>();
      const { project, module } = ctx.get(fileModule, path);
      /** Whether item `i` has a syntax error: errors up to the next item count (an unclosed body is reported at the next `fn`). */
      const broken = (i: number): boolean => {
        const limit = result.items[i + 1]?.start ?? Number.POSITIVE_INFINITY;
        const after = firstAbove(syntaxErrorStarts, result.items[i]!.start);
        return after < syntaxErrorStarts.length && syntaxErrorStarts[after]! <= limit;
      };
      result.items.forEach((item, i) => {
        if (item.ast.k !== "fn" && item.ast.k !== "const") return;
        const analysis = ctx.get(itemAnalysis, itemQueryKey(path, file.keys[i]!));
        for (const n of analysis.usedTopLevel) used.add(n);
        for (const n of analysis.literalNames) literalNames.add(n);
        const isBroken = broken(i);
        for (let d of analysis.diagnostics) {
          // A function cut short by a syntax error is not also reported as falling off its end.
          if (isBroken && (d.code === "missing-return" || d.code === "unreachable-code")) continue;
          if (isBroken && d.fixes) d = withoutFixes(d);
          if (d.code === "undeclared-variable") {
            // Like the reference: once per name per file.
            if (undeclaredSeen.has(d.message)) continue;
            undeclaredSeen.add(d.message);
          }
          out.push(resolveParamRefs(ctx, shift(d, item.start, path), project));
        }
      });
      const context = {
        // Read only for an unused top-level constant: most files depend on no other module's items.
        importedFromHere: () => {
          const world = worldFor(ctx, project);
          return namesImportedFrom(module, ctx.get(projectModules, project).map((m) => m.name), (m) => world.itemIndex(m));
        },
        broken,
        literalNames,
      };
      out.push(...unusedTopLevel(result.text, result.items, used, context));
      // Every item of the file is analysed now: its tokens are no longer worth keeping.
      dropKept(path);
      for (const d of out) ctx.push(diagnostics, d);
      return out.length;
    },
    { equals: () => false },
  );

  return {
    db,
    /**
     * Drops every file's kept tokens (see `ParsedFile.kept`); for hosts reclaiming memory,
     * e.g. with `sweep`. Returns how many files had tokens kept.
     */
    dropKeptTokens(): number {
      const n = keptByPath.size;
      for (const path of [...keptByPath.keys()]) dropKept(path);
      return n;
    },
    fileText,
    fileModule,
    projectModules,
    diagnostics,
    parsed,
    syntaxTree,
    itemIndex,
    referenceIndex,
    modulePath,
    moduleSymbols,
    importCycles,
    itemSource,
    itemAnalysis,
    itemTypes,
    moduleCheck,
    fileDiagnostics,
  };
}

/** The analysis database and its inputs and queries. */
export type AnalysisDatabase = ReturnType<typeof createAnalysisDatabase>;
