// src/scanner/content-hash.ts
function contentHash(text) {
  let h1 = 3735928559 ^ text.length;
  let h2 = 1103547991 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  const hex = (n) => (n >>> 0).toString(16).padStart(8, "0");
  return `${hex(h2)}${hex(h1)}-${text.length.toString(36)}`;
}

// src/scanner/default-sinks.ts
var DB_RECEIVER = /(?:db|database|pool|conn|connection|client|knex|sequelize|mysql|pg|postgres|sqlite|sqlite3|tx|trx|transaction|prisma|manager|queryrunner|datasource|repository|repo|cursor|cur|session|engine|stmt|statement|jdbctemplate|template|pdo|dbh|mysqli|wpdb|^st|^ps|^em|^c)$/i;
var JS = ["javascript", "typescript", "tsx"];
function sinks(languages, methods, extra = {}) {
  return methods.map((method) => ({ languages, method, ...extra }));
}
var DEFAULT_SINKS = [
  // JavaScript / TypeScript: pg, mysql2, sqlite3/better-sqlite3, knex, sequelize, TypeORM, Prisma, postgres.js.
  ...sinks(JS, ["query", "execute"], { receiver: DB_RECEIVER }),
  ...sinks(JS, ["exec", "run", "all", "get", "each", "prepare"], { receiver: DB_RECEIVER, requireSqlText: true, dialect: "sqlite" }),
  ...sinks(JS, ["raw", "whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "groupByRaw", "joinRaw", "fromRaw", "selectRaw"], {
    receiver: /(?:knex|db|trx|builder|query|qb)$/i
  }),
  ...sinks(JS, ["$queryRawUnsafe", "$executeRawUnsafe"], { placeholder: "$n" }),
  ...sinks(JS, ["unsafe"], { receiver: /^sql$/ }),
  ...sinks(JS, ["$queryRaw", "$executeRaw", "sql"], { kind: "tagged-template", placeholder: "$n" }),
  // Python: DB-API cursors and connections, SQLAlchemy, Django raw(), pandas.read_sql.
  ...sinks(["python"], ["execute", "executemany", "executescript", "exec_driver_sql"], { receiver: DB_RECEIVER, placeholder: "%s" }),
  ...sinks(["python"], ["raw", "extra"], { receiver: /objects$|manager$/i, placeholder: "%s" }),
  ...sinks(["python"], ["read_sql", "read_sql_query"], { receiver: /^(?:pd|pandas)$/, placeholder: "%s" }),
  ...sinks(["python"], ["text"], { requireSqlText: true, placeholder: "%s" }),
  // Java: JDBC, JPA, Spring JdbcTemplate.
  ...sinks(["java"], ["executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch", "prepareStatement", "prepareCall", "createNativeQuery", "createQuery", "nativeQuery"]),
  ...sinks(["java"], ["execute"], { receiver: DB_RECEIVER }),
  ...sinks(["java"], ["query", "queryForObject", "queryForList", "queryForMap", "queryForRowSet", "update", "batchUpdate"], {
    receiver: /jdbc\w*|template$/i
  }),
  // Go: database/sql, sqlx, gorm.
  ...sinks(["go"], ["Query", "QueryRow", "Exec", "Prepare", "Select", "Get", "MustExec", "Queryx", "QueryRowx"], { receiver: DB_RECEIVER, placeholder: "?" }),
  ...sinks(["go"], ["QueryContext", "QueryRowContext", "ExecContext", "PrepareContext", "SelectContext", "GetContext"], {
    receiver: DB_RECEIVER,
    argument: 1
  }),
  ...sinks(["go"], ["Raw", "Exec", "Where"], { receiver: /(?:db|gorm|tx)$/i, requireSqlText: true }),
  // PHP: PDO, mysqli, pg_*, Laravel.
  ...sinks(["php"], ["query", "exec", "prepare", "multi_query", "real_query"], { receiver: DB_RECEIVER }),
  ...sinks(["php"], ["mysqli_query", "mysqli_real_query", "mysqli_multi_query", "mysqli_prepare"], { argument: 1, dialect: "mysql" }),
  ...sinks(["php"], ["pg_query", "pg_prepare", "pg_send_query"], { argument: -1, dialect: "postgres", placeholder: "$n" }),
  ...sinks(["php"], ["select", "statement", "unprepared", "insert", "update", "delete", "raw"], { receiver: /^DB$/ }),
  ...sinks(["php"], ["whereRaw", "orWhereRaw", "havingRaw", "orderByRaw", "selectRaw", "groupByRaw"]),
  // Ruby: ActiveRecord.
  ...sinks(["ruby"], ["find_by_sql", "count_by_sql", "exec_query", "select_all", "select_one", "select_value", "select_values", "select_rows"]),
  ...sinks(["ruby"], ["execute"], { receiver: DB_RECEIVER }),
  ...sinks(["ruby"], ["where", "having", "order", "group", "joins", "pluck", "from"], { requireSqlText: true })
];

// src/scanner/extraction.ts
function renderExtraction(value, sink, build, dialectHint) {
  const runs = [];
  const holes = [];
  let sql = "";
  let end = sink.argumentRange.end;
  const dollar = dialectHint === "postgres";
  let nextNumber = dollar ? highestDollarPlaceholder(value) + 1 : 1;
  for (const piece of value.pieces) {
    if (piece.kind === "hole") {
      const placeholder = dollar ? `$${nextNumber++}` : "?";
      runs.push({ sqlStart: sql.length, hostStart: piece.hole.range.start, length: placeholder.length, placeholder: true });
      holes.push(piece.hole);
      sql += placeholder;
      end = piece.hole.range.end;
      continue;
    }
    for (let i = 0; i < piece.text.length; i++) {
      const host = piece.offsets[i];
      const last = runs[runs.length - 1];
      if (last && !last.placeholder && last.sqlStart + last.length === sql.length + i && last.hostStart + last.length === host) {
        last.length++;
      } else {
        runs.push({ sqlStart: sql.length + i, hostStart: host, length: 1 });
      }
    }
    sql += piece.text;
    end = piece.end;
  }
  runs.push({ sqlStart: sql.length, hostStart: end, length: 0 });
  const data = { sql, sink, build, holes, runs };
  if (dialectHint) data.dialectHint = dialectHint;
  return data;
}
function withMapping(data) {
  const runs = data.runs;
  return {
    ...data,
    mapping(sqlOffset) {
      if (runs.length === 0) return data.sink.argumentRange.start;
      const at = Math.max(0, Math.min(Math.floor(sqlOffset), data.sql.length));
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = lo + hi + 1 >> 1;
        if (runs[mid].sqlStart <= at) lo = mid;
        else hi = mid - 1;
      }
      const run = runs[lo];
      return run.placeholder ? run.hostStart : run.hostStart + (at - run.sqlStart);
    }
  };
}
function highestDollarPlaceholder(value) {
  let max = 0;
  for (const piece of value.pieces) {
    if (piece.kind !== "text") continue;
    for (const m of piece.text.matchAll(/\$(\d{1,4})\b/g)) max = Math.max(max, Number(m[1]));
  }
  return max;
}

// src/scanner/languages.ts
var SCANNER_LANGUAGES = [
  "javascript",
  "typescript",
  "tsx",
  "python",
  "java",
  "go",
  "php",
  "ruby"
];
var BY_EXTENSION = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "typescript",
  mts: "typescript",
  cts: "typescript",
  tsx: "tsx",
  py: "python",
  pyw: "python",
  java: "java",
  go: "go",
  php: "php",
  phtml: "php",
  rb: "ruby",
  rake: "ruby"
};
function languageForPath(path) {
  const dot = path.lastIndexOf(".");
  if (dot < 0 || dot < path.lastIndexOf("/")) return null;
  return BY_EXTENSION[path.slice(dot + 1).toLowerCase()] ?? null;
}
function grammarFileName(language) {
  return `tree-sitter-${language}.wasm`;
}

// src/scanner/escapes.ts
var SIMPLE = {
  n: "\n",
  t: "	",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
  a: "\x07",
  e: "\x1B"
};
function decodeLiteral(source, start, end, mode) {
  let text = "";
  const offsets = [];
  let i = start;
  while (i < end) {
    const ch = source[i];
    if (ch !== "\\" || mode === "none" || i + 1 >= end) {
      text += ch;
      offsets.push(i);
      i++;
      continue;
    }
    const next = source[i + 1];
    if (mode === "quotes") {
      if (next === "\\" || next === "'") {
        text += next;
        offsets.push(i);
        i += 2;
      } else {
        text += ch;
        offsets.push(i);
        i++;
      }
      continue;
    }
    const simple = SIMPLE[next];
    if (simple !== void 0) {
      text += simple;
      offsets.push(i);
      i += 2;
      continue;
    }
    const hex = readHexEscape(source, i, end);
    if (hex) {
      text += hex.text;
      for (let k = 0; k < hex.text.length; k++) offsets.push(i);
      i = hex.next;
      continue;
    }
    if (next === "\n") {
      i += 2;
      continue;
    }
    text += next;
    offsets.push(i);
    i += 2;
  }
  return { kind: "text", text, offsets, end };
}
function readHexEscape(source, at, end) {
  const kind = source[at + 1];
  let digits;
  let next = at;
  if (kind === "x") {
    digits = source.slice(at + 2, Math.min(at + 4, end));
    next = at + 4;
    if (!/^[0-9a-fA-F]{2}$/.test(digits)) return null;
  } else if (kind === "u" && source[at + 2] === "{") {
    const close = source.indexOf("}", at + 3);
    if (close < 0 || close >= end) return null;
    digits = source.slice(at + 3, close);
    next = close + 1;
    if (!/^[0-9a-fA-F]{1,6}$/.test(digits)) return null;
  } else if (kind === "u") {
    digits = source.slice(at + 2, Math.min(at + 6, end));
    next = at + 6;
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) return null;
  } else {
    return null;
  }
  const code = parseInt(digits, 16);
  if (code > 1114111) return null;
  return { text: String.fromCodePoint(code), next };
}

// src/scanner/sql-value.ts
function holeValue(hole) {
  return { pieces: [{ kind: "hole", hole }], tagged: false };
}
function textValue(piece) {
  return { pieces: piece.text.length > 0 ? [piece] : [], tagged: false };
}
function concatValues(values) {
  const pieces = [];
  let tagged = false;
  for (const value of values) {
    pieces.push(...value.pieces);
    tagged ||= value.tagged;
  }
  return { pieces, tagged };
}
function hasText(value) {
  return value.pieces.some((p) => p.kind === "text" && p.text.length > 0);
}
function holesOf(value) {
  const holes = [];
  for (const piece of value.pieces) if (piece.kind === "hole") holes.push(piece.hole);
  return holes;
}
function leadingText(value) {
  let text = "";
  for (const piece of value.pieces) {
    if (piece.kind === "hole") break;
    text += piece.text;
  }
  return text;
}

// src/scanner/evaluator.ts
var MAX_DEPTH = 40;
var MAX_STEPS = 2e3;
var MAX_OCCURRENCES = 200;
var SqlEvaluator = class {
  constructor(source, tree, syntax) {
    this.source = source;
    this.tree = tree;
    this.syntax = syntax;
  }
  source;
  tree;
  syntax;
  steps = 0;
  depth = 0;
  resolving = /* @__PURE__ */ new Set();
  evaluate(node, how) {
    if (++this.steps > MAX_STEPS || this.depth > MAX_DEPTH) return this.opaque(node, how);
    this.depth++;
    try {
      return this.evaluateNode(node, how);
    } finally {
      this.depth--;
    }
  }
  evaluateNode(node, how) {
    const syntax = this.syntax;
    if (syntax.wrapperTypes.has(node.type)) {
      const inner = node.namedChildren.find((c) => c !== null && c.type !== "comment");
      return inner ? this.evaluate(inner, how) : this.opaque(node, how);
    }
    const parts = syntax.stringParts(node);
    if (parts) return this.stringValue(parts, how);
    if (syntax.numberTypes.has(node.type)) return textValue(decodeLiteral(this.source, node.startIndex, node.endIndex, "none"));
    const special = syntax.evaluateSpecial(node, this);
    if (special) return special;
    const name = syntax.variableName(node);
    if (name !== null) return this.variable(node, name, how);
    return this.opaque(node, how);
  }
  stringValue(parts, how) {
    const pieces = [];
    let at = parts.start;
    const interpolation = how === "bound" ? "bound" : "interpolation";
    for (const hole of parts.holes) {
      if (hole.outer.start > at) pieces.push(decodeLiteral(this.source, at, hole.outer.start, parts.escapes));
      if (hole.expr) pieces.push(...this.evaluate(hole.expr, interpolation).pieces);
      at = Math.max(at, hole.outer.end);
    }
    if (parts.end > at) pieces.push(decodeLiteral(this.source, at, parts.end, parts.escapes));
    return { pieces: pieces.filter((p) => p.kind === "hole" || p.text.length > 0), tagged: false };
  }
  opaque(node, how) {
    const text = this.source.slice(node.startIndex, node.endIndex);
    const compact = text.replace(/\s+/g, "");
    const range = { start: node.startIndex, end: node.endIndex };
    const shown = clip(text);
    if (how === "bound") return holeValue({ range, text: shown, how, taint: "safe", reason: "bound as a parameter" });
    for (const pattern of this.syntax.safeExpressions) {
      if (pattern.test(compact)) {
        return holeValue({ range, text: shown, how, taint: "safe", reason: `\`${shown}\` cannot carry SQL` });
      }
    }
    for (const pattern of this.syntax.untrustedSources) {
      if (pattern.test(compact)) {
        return holeValue({ range, text: shown, how, taint: "untrusted", reason: `untrusted input \`${shown}\`` });
      }
    }
    return holeValue({ range, text: shown, how, taint: "unknown", reason: `\`${shown}\` is not known to be safe` });
  }
  safe(node, how, reason) {
    const range = { start: node.startIndex, end: node.endIndex };
    return holeValue({ range, text: clip(this.source.slice(range.start, range.end)), how, taint: "safe", reason });
  }
  conditional(node, branches) {
    const values = branches.map((b) => this.evaluate(b, "opaque"));
    const constant = values.every((v) => holesOf(v).every((h) => h.taint === "safe"));
    if (constant) return this.safe(node, "opaque", "each branch is a constant");
    const untrusted = values.flatMap(holesOf).find((h) => h.taint === "untrusted");
    if (untrusted) {
      return holeValue({
        range: { start: node.startIndex, end: node.endIndex },
        text: clip(this.source.slice(node.startIndex, node.endIndex)),
        how: "opaque",
        taint: "untrusted",
        reason: untrusted.reason,
        originRange: untrusted.originRange ?? untrusted.range
      });
    }
    return this.opaque(node, "opaque");
  }
  format(format, args, style, named) {
    const pieces = [];
    let next = 0;
    const pattern = style === "printf" ? PRINTF : BRACE;
    for (const piece of format.pieces) {
      if (piece.kind === "hole") {
        pieces.push(piece);
        continue;
      }
      let last = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(piece.text); m; m = pattern.exec(piece.text)) {
        const directive = m[0];
        if (m.index > last) pieces.push(slicePiece(piece, last, m.index));
        last = m.index + directive.length;
        if (directive === "%%" || directive === "{{" || directive === "}}") {
          pieces.push(slicePiece(piece, m.index, m.index + 1));
          continue;
        }
        const key = m[1];
        let arg;
        if (key !== void 0 && key !== "" && !/^\d+$/.test(key)) arg = named?.get(key) ?? args[0];
        else if (key !== void 0 && /^\d+$/.test(key)) arg = args[Number(key)];
        else arg = args[next++];
        const numeric = style === "printf" && /[dixXobeEfFgGc]$/.test(directive);
        if (!arg) {
          pieces.push({ kind: "hole", hole: holeAt(piece, m.index, directive, "unknown", "a formatted value") });
        } else if (numeric) {
          pieces.push(...this.safe(arg, "format", `\`${clip(arg.text)}\` is formatted as a number`).pieces);
        } else {
          pieces.push(...this.evaluate(arg, "format").pieces);
        }
      }
      if (last < piece.text.length) pieces.push(slicePiece(piece, last, piece.text.length));
    }
    return { pieces, tagged: format.tagged };
  }
  /** Resolves a variable through its assignments in the enclosing scopes. */
  variable(use, name, how) {
    const key = `${name}@${use.startIndex}`;
    if (this.resolving.has(key)) return this.opaque(use, how);
    this.resolving.add(key);
    try {
      const value = this.resolve(use, name);
      if (!value) {
        if (/^[A-Z][A-Z0-9_]*$/.test(name.replace(/^\$/, ""))) {
          return this.safe(use, how, `\`${name}\` is named as a constant`);
        }
        return this.opaque(use, how);
      }
      if (value === "parameter") {
        const opaque = this.opaque(use, how);
        const hole = holesOf(opaque)[0];
        if (hole.taint === "unknown") hole.reason = `parameter \`${name}\` is not known to be safe`;
        return opaque;
      }
      if (!hasText(value) && value.pieces.length === 1 && !value.tagged) {
        const inner = holesOf(value)[0];
        const range = { start: use.startIndex, end: use.endIndex };
        return holeValue({
          range,
          text: name,
          how: how === "opaque" ? inner.how : how,
          taint: inner.taint,
          reason: inner.reason,
          originRange: inner.originRange ?? inner.range
        });
      }
      return value;
    } finally {
      this.resolving.delete(key);
    }
  }
  resolve(use, name) {
    const syntax = this.syntax;
    let scope = enclosingScope(use, syntax);
    const escaped = name.replace(/[$]/g, "\\$");
    const pattern = new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, "g");
    for (; ; ) {
      const start = scope ? scope.startIndex : 0;
      const region = this.source.slice(start, use.startIndex);
      const found = [];
      let parameter = false;
      let count = 0;
      for (const m of region.matchAll(pattern)) {
        if (++count > MAX_OCCURRENCES) break;
        const at = start + m.index;
        const occurrence = this.tree.rootNode.descendantForIndex(at, at + name.length);
        if (!occurrence || syntax.variableName(occurrence) !== name) continue;
        if (!sameScope(enclosingScope(occurrence, syntax), scope)) continue;
        const assignment = syntax.assignmentAt(occurrence);
        if (!assignment) continue;
        if (assignment.op === "parameter") {
          parameter = true;
          found.length = 0;
          continue;
        }
        if (assignment.value.startIndex <= use.startIndex && use.endIndex <= assignment.value.endIndex) continue;
        if (assignment.op === "set") {
          parameter = false;
          found.length = 0;
        }
        found.push(assignment);
      }
      if (found.length > 0) {
        const values = [];
        if (found[0].op === "append") values.push(this.opaque(use, "concatenation"));
        for (const step of found) values.push(this.evaluate(step.value, step.op === "append" ? "concatenation" : "opaque"));
        return concatValues(values);
      }
      if (parameter) return "parameter";
      if (!scope) return null;
      scope = enclosingScope(scope, syntax);
    }
  }
};
var PRINTF = /%(?:\((\w*)\))?[-+ #0]*\d*(?:\.\d+)?[sdiuxXobeEfFgGcvqrTtp%]/g;
var BRACE = /\{\{|\}\}|\{(\w*)(?:[.[][^}]*)?(?:![rsa])?(?::[^}]*)?\}/g;
function slicePiece(piece, from, to) {
  const end = to < piece.offsets.length ? piece.offsets[to] : piece.end;
  return { kind: "text", text: piece.text.slice(from, to), offsets: piece.offsets.slice(from, to), end };
}
function holeAt(piece, index, directive, taint, what) {
  const start = piece.offsets[index] ?? piece.end;
  const endIndex = index + directive.length;
  const end = endIndex < piece.offsets.length ? piece.offsets[endIndex] : piece.end;
  return { range: { start, end }, text: directive, how: "format", taint, reason: `${what} has no argument` };
}
function enclosingScope(node, syntax) {
  for (let p = node.parent; p; p = p.parent) if (syntax.scopeTypes.has(p.type)) return p;
  return null;
}
function sameScope(a, b) {
  if (!a || !b) return a === b;
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}
function clip(text) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

// src/scanner/fix-builder.ts
function parameterizeFix(language, source, site, spec, argument, value) {
  if (language === "java" || language === "php") return null;
  if (site.args.length !== 1 || spec.kind === "tagged-template" || value.tagged) return null;
  const inside = (r) => r.start >= argument.start && r.end <= argument.end;
  const style = spec.placeholder ?? (language === "python" ? "%s" : "?");
  let sql = "";
  const params = [];
  const pieces = [...value.pieces];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.kind === "text") {
      if (!piece.offsets.every((o) => o >= argument.start && o < argument.end)) return null;
      sql += piece.text;
      continue;
    }
    const hole = piece.hole;
    if (!inside(hole.range) || hole.how === "bound" || hole.how === "opaque") return null;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    const quotedBefore = before?.kind === "text" && before.text.endsWith("'");
    const quotedAfter = after?.kind === "text" && after.text.startsWith("'");
    if (quotedBefore !== quotedAfter) return null;
    if (quotedBefore && after?.kind === "text") {
      sql = sql.slice(0, -1);
      pieces[i + 1] = { ...after, text: after.text.slice(1), offsets: after.offsets.slice(1) };
    }
    params.push(source.slice(hole.range.start, hole.range.end).trim());
    sql += style === "$n" ? `$${params.length}` : style;
  }
  if (params.length === 0) return null;
  if (style === "%s" && /%(?!s)/.test(sql.replace(/%s/g, ""))) return null;
  const literal = stringLiteral(language, sql);
  const method = site.name.text;
  let newText;
  switch (language) {
    case "python":
      newText = `${literal}, (${params.join(", ")}${params.length === 1 ? "," : ""})`;
      break;
    case "ruby":
      newText = method === "find_by_sql" ? `[${literal}, ${params.join(", ")}]` : `${literal}, ${params.join(", ")}`;
      break;
    case "go":
      newText = `${literal}, ${params.join(", ")}`;
      break;
    default:
      if (/sequelize/i.test(site.receiver?.text ?? "")) {
        newText = `${literal}, { replacements: [${params.join(", ")}] }`;
        break;
      }
      newText = /Unsafe$/.test(method) ? `${literal}, ${params.join(", ")}` : `${literal}, [${params.join(", ")}]`;
  }
  return {
    title: `Pass ${params.length === 1 ? "the value" : `the ${params.length} values`} as bound parameters (${style} placeholders; check your driver's style)`,
    safety: "unsafe",
    edits: [{ range: argument, newText }]
  };
}
function stringLiteral(language, text) {
  const json = JSON.stringify(text);
  if (language === "ruby") return json.replace(/#(?=[{$@])/g, "\\#");
  return json;
}

// src/scanner/sensitive-literals.ts
var KEY_PATTERNS = [
  { pattern: /\b[sprk]k_(?:live|test)_[A-Za-z0-9]{10,}\b/g, label: "a Stripe API key" },
  { pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, label: "an AWS access key id" },
  { pattern: /\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, label: "a GitHub token" },
  { pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g, label: "a GitHub token" },
  { pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, label: "a Slack token" },
  { pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g, label: "a Google API key" },
  { pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g, label: "a GitLab token" },
  { pattern: /\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}\b/g, label: "an API secret key" },
  { pattern: /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g, label: "a JSON Web Token" }
];
var PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g;
var EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w-])/g;
var CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
var QUOTED = /'((?:[^']|'')*)'/g;
var TOKEN = /[A-Za-z0-9+/=_-]{20,}/g;
function luhnValid(digits) {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
function shannonEntropy(text) {
  const counts = /* @__PURE__ */ new Map();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
function findSensitiveLiterals(sql) {
  const found = [];
  const taken = (start, end) => found.some((f) => start < f.end && f.start < end);
  for (const { pattern, label } of KEY_PATTERNS) {
    for (const m of sql.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, kind: "api-key", label });
  }
  for (const m of sql.matchAll(PRIVATE_KEY)) found.push({ start: m.index, end: m.index + m[0].length, kind: "private-key", label: "a private key" });
  for (const m of sql.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, "");
    if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits) || !luhnValid(digits)) continue;
    if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, kind: "card-number", label: "a payment card number" });
  }
  for (const m of sql.matchAll(EMAIL)) {
    if (!taken(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, kind: "email", label: "an e-mail address" });
  }
  for (const quoted of sql.matchAll(QUOTED)) {
    const body = quoted[1] ?? "";
    const bodyStart = quoted.index + 1;
    for (const m of body.matchAll(TOKEN)) {
      const token = m[0];
      const start = bodyStart + m.index;
      if (taken(start, start + token.length)) continue;
      if (!/[A-Za-z]/.test(token) || !/\d/.test(token) || shannonEntropy(token) < 4.2) continue;
      found.push({ start, end: start + token.length, kind: "high-entropy", label: "a high-entropy secret" });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// src/scanner/sql-text.ts
var LEADING_SQL = /^\s*\(?\s*(?:select|insert|update|delete|with|create|drop|alter|truncate|replace|merge|upsert|pragma|explain|call|exec|execute|begin|commit|rollback|set|show|grant|revoke|vacuum|analyze|copy|lock|declare)\b/i;
var SQL_FRAGMENT = /\b(?:select|from|where|and|or|not|order\s+by|group\s+by|values|join|limit|like|ilike|in|is|null|asc|desc|between|exists|count|sum|lower|upper)\b|[=<>]/i;
function startsLikeSql(text) {
  return LEADING_SQL.test(text);
}
function containsSql(text) {
  return LEADING_SQL.test(text) || SQL_FRAGMENT.test(text);
}

// src/scanner/sink-analysis.ts
function indexSinks(sinks2, language) {
  const byMethod = /* @__PURE__ */ new Map();
  for (const spec of sinks2) {
    if (!spec.languages.includes(language)) continue;
    const list = byMethod.get(spec.method) ?? [];
    list.push(spec);
    byMethod.set(spec.method, list);
  }
  const alternatives = [...byMethod.keys()].sort((a, b) => b.length - a.length).map((m) => m.replace(/[$.*+?^()[\]{}|\\]/g, "\\$&"));
  const names = alternatives.length > 0 ? new RegExp(`(?<![\\w$])(?:${alternatives.join("|")})(?![\\w$])`, "g") : /(?!)/g;
  return { names, byMethod };
}
function mentionsSink(text, sinks2) {
  sinks2.names.lastIndex = 0;
  return sinks2.names.test(text);
}
function analyzeTree(source, tree, language, syntax, sinks2, options) {
  const diagnostics = [];
  const extractions = [];
  const consumed = [];
  const seenSql = /* @__PURE__ */ new Set();
  const root = tree.rootNode;
  sinks2.names.lastIndex = 0;
  for (const hit of source.matchAll(sinks2.names)) {
    const method = hit[0];
    const nameNode = root.descendantForIndex(hit.index, hit.index + method.length);
    if (!nameNode || nameNode.text !== method) continue;
    const site = syntax.callAt(nameNode);
    if (!site) continue;
    if (consumed.some((r) => r.start <= site.call.startIndex && site.call.endIndex <= r.end)) continue;
    for (const spec of sinks2.byMethod.get(method) ?? []) {
      const found = analyzeSink(source, tree, language, syntax, site, spec);
      if (!found) continue;
      consumed.push(found.extraction.sink.argumentRange);
      if (found.diagnostic) diagnostics.push(found.diagnostic);
      const key = `${found.extraction.runs[0]?.hostStart ?? -1}:${found.extraction.sql}`;
      if (!seenSql.has(key)) {
        seenSql.add(key);
        extractions.push(found.extraction);
      }
      break;
    }
  }
  if (options.sensitiveLiterals) diagnostics.push(...sensitiveDiagnostics(extractions));
  diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { diagnostics, extractions };
}
function analyzeSink(source, tree, language, syntax, site, spec) {
  const evaluator = new SqlEvaluator(source, tree, syntax);
  let argument;
  let value;
  if (spec.kind === "tagged-template") {
    if (!site.template) return null;
    argument = site.template;
    value = evaluator.evaluate(site.call, "opaque");
    if (!value.tagged) return null;
  } else {
    if (site.template) return null;
    const index = (spec.argument ?? 0) < 0 ? site.args.length + (spec.argument ?? 0) : spec.argument ?? 0;
    argument = site.args[index] ?? null;
    if (!argument) return null;
    value = evaluator.evaluate(argument, "opaque");
  }
  const receiverText = site.receiver ? source.slice(site.receiver.startIndex, site.receiver.endIndex) : "";
  const receiverOk = !spec.receiver || spec.receiver.test(lastSegment(receiverText));
  const text = hasText(value);
  if (text) {
    const literal = value.pieces.map((p) => p.kind === "text" ? p.text : " ? ").join("");
    if (spec.requireSqlText && !containsSql(literal)) return null;
    if (!receiverOk && !startsLikeSql(leadingText(value))) return null;
  } else if (spec.requireSqlText || !receiverOk) {
    return null;
  }
  const holes = holesOf(value);
  const spliced = holes.filter((h) => h.how !== "bound");
  const risky = spliced.filter((h) => h.taint !== "safe");
  const positionalArgs = site.args.length;
  const sqlIndex = site.args.indexOf(argument);
  const hasParameters = site.template === null && positionalArgs > Math.max(sqlIndex, 0) + 1;
  const build = buildKind(value, spliced, hasParameters);
  const sink = {
    method: site.name.text,
    ...receiverText ? { receiver: receiverText.replace(/\s+/g, " ").slice(0, 120) } : {},
    callRange: { start: site.call.startIndex, end: site.call.endIndex },
    argumentRange: { start: argument.startIndex, end: argument.endIndex }
  };
  const extraction = renderExtraction(value, sink, build, dialectFor(spec, receiverText, value));
  const untrusted = risky.filter((h) => h.taint === "untrusted");
  if (risky.length === 0 || !text && untrusted.length === 0) return { extraction, diagnostic: null };
  const severity = untrusted.length > 0 ? "error" : "warning";
  const lead = untrusted[0] ?? risky[0];
  const separator = site.receiver ? source.slice(site.receiver.endIndex, site.name.startIndex).trim() || "." : "";
  const callee = receiverText ? `${lastSegment(receiverText)}${separator}${site.name.text}` : site.name.text;
  const message = severity === "error" ? `SQL injection: untrusted input \`${lead.text}\` is ${verb(lead)} the SQL passed to \`${callee}\`${lead.reason.startsWith("untrusted") ? "" : ` (${lead.reason})`}; pass it as a bound parameter.` : `Possible SQL injection: \`${lead.text}\` is ${verb(lead)} the SQL passed to \`${callee}\` and is not known to be safe; pass it as a bound parameter.`;
  const diagnostic = {
    code: "sql-injection",
    severity,
    message,
    range: sink.argumentRange,
    source: "patterns",
    related: risky.flatMap((h) => relatedOf(h))
  };
  const fix = parameterizeFix(language, source, site, spec, sink.argumentRange, value);
  if (fix) diagnostic.fixes = [fix];
  return { extraction, diagnostic };
}
function buildKind(value, spliced, hasParameters) {
  if (!hasText(value) && !value.tagged) return spliced.length > 0 && spliced.every((h) => h.taint === "safe") ? "constant" : "opaque";
  const first = spliced.find((h) => h.taint !== "safe") ?? spliced[0];
  if (first) return first.how === "interpolation" ? "interpolation" : first.how === "format" ? "format" : "concatenation";
  if (value.tagged) return "tagged-template";
  return hasParameters ? "parameterized" : "constant";
}
function verb(hole) {
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
function relatedOf(hole) {
  const related = [{ range: hole.range, message: `${hole.reason}; it enters the SQL here` }];
  if (hole.originRange && (hole.originRange.start !== hole.range.start || hole.originRange.end !== hole.range.end)) {
    related.push({ range: hole.originRange, message: "the value is read here" });
  }
  return related;
}
function lastSegment(receiver) {
  const compact = receiver.replace(/\s+/g, "");
  const m = /([A-Za-z_$][\w$]*)(?:\((?:[^()]|\([^()]*\))*\))?$/.exec(compact);
  return m?.[1] ?? compact;
}
function dialectFor(spec, receiver, value) {
  if (spec.dialect) return spec.dialect;
  if (/postgres|\bpg\b|pgx|psycopg|npgsql/i.test(receiver)) return "postgres";
  if (/mysql|maria/i.test(receiver)) return "mysql";
  if (/sqlite/i.test(receiver)) return "sqlite";
  if (value.tagged) return "postgres";
  const literal = value.pieces.map((p) => p.kind === "text" ? p.text : "").join("");
  return /\$\d+\b/.test(literal) ? "postgres" : void 0;
}
function sensitiveDiagnostics(extractions) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const extraction of extractions) {
    const map = (i) => mapOffset(extraction, i);
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
        source: "patterns"
      });
    }
  }
  return out;
}
function mapOffset(extraction, at) {
  const runs = extraction.runs;
  let found = runs[0];
  for (const run of runs) {
    if (run.sqlStart > at) break;
    found = run;
  }
  if (!found) return extraction.sink.argumentRange.start;
  return found.placeholder ? found.hostStart : found.hostStart + (at - found.sqlStart);
}

// src/scanner/host-syntax.ts
function namedChildrenOf(node) {
  const out = [];
  for (let i = 0; i < node.namedChildCount; i++) {
    const child = node.namedChild(i);
    if (child && child.type !== "comment" && !child.type.endsWith("_comment")) out.push(child);
  }
  return out;
}
function sameNode(a, b) {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}
function operatorOf(node) {
  const op = node.childForFieldName("operator");
  if (op) return op.type;
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && !child.isNamed) return child.type;
  }
  return "";
}

// src/scanner/syntax-java.ts
var PARAMETER_PARENTS = /* @__PURE__ */ new Set(["formal_parameter", "spread_parameter", "catch_formal_parameter", "enhanced_for_statement", "inferred_parameters", "lambda_expression"]);
var javaSyntax = {
  languages: ["java"],
  scopeTypes: /* @__PURE__ */ new Set(["method_declaration", "constructor_declaration", "lambda_expression", "class_body"]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_expression"]),
  numberTypes: /* @__PURE__ */ new Set(["decimal_integer_literal", "decimal_floating_point_literal", "hex_integer_literal", "true", "false", "null_literal"]),
  untrustedSources: [
    /\b(?:request|req|httpRequest|servletRequest|httpServletRequest)\.get(?:Parameter|ParameterValues|ParameterMap|Header|Headers|QueryString|Cookies|PathInfo|RequestURI|InputStream|Reader)\(/,
    /^args\[/,
    /\bSystem\.console\(\)\.readLine\(/,
    /\bscanner\.next(?:Line)?\(\)/
  ],
  safeExpressions: [
    /^(?:Integer\.parseInt|Integer\.valueOf|Long\.parseLong|Long\.valueOf|Double\.parseDouble|Math\.\w+)\((?:[^()]|\([^()]*\))*\)$/,
    /^[\w.]+\.(?:length|size)\(\)$/,
    /^(?:ESAPI\.encoder\(\)\.)?encodeForSQL\(/
  ],
  callAt(name) {
    if (name.type !== "identifier") return null;
    const call = name.parent;
    if (!call || call.type !== "method_invocation" || !sameNode(call.childForFieldName("name"), name)) return null;
    const argumentList = call.childForFieldName("arguments");
    return {
      call,
      name,
      receiver: call.childForFieldName("object"),
      args: argumentList ? namedChildrenOf(argumentList) : [],
      template: null,
      argumentList
    };
  },
  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },
  stringParts(node) {
    if (node.type !== "string_literal") return null;
    const quote = node.text.startsWith('"""') ? 3 : 1;
    return { start: node.startIndex + quote, end: node.endIndex - quote, escapes: "c", holes: [] };
  },
  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "variable_declarator") {
      const value = parent.childForFieldName("value");
      return sameNode(parent.childForFieldName("name"), occurrence) && value ? { op: "set", value } : null;
    }
    if (parent.type === "assignment_expression") {
      const value = parent.childForFieldName("right");
      if (!sameNode(parent.childForFieldName("left"), occurrence) || !value) return null;
      const op = operatorOf(parent);
      return op === "=" ? { op: "set", value } : op === "+=" ? { op: "append", value } : { op: "set", value: parent };
    }
    if (parent.type === "method_invocation" && sameNode(parent.childForFieldName("object"), occurrence)) {
      const method = parent.childForFieldName("name")?.text;
      const arg = namedChildrenOf(parent.childForFieldName("arguments") ?? parent)[0];
      if (method === "append" && arg && parent.parent?.type === "expression_statement") return { op: "append", value: arg };
      return null;
    }
    return PARAMETER_PARENTS.has(parent.type) ? { op: "parameter" } : null;
  },
  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right || operatorOf(node) !== "+") return null;
        return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
      }
      case "ternary_expression": {
        const a = node.childForFieldName("consequence");
        const b = node.childForFieldName("alternative");
        return a && b ? ctx.conditional(node, [a, b]) : null;
      }
      case "object_creation_expression": {
        const type = node.childForFieldName("type")?.text ?? "";
        if (!/^(?:StringBuilder|StringBuffer)$/.test(type)) return null;
        const arg = namedChildrenOf(node.childForFieldName("arguments") ?? node).find((a) => a.type !== "type_identifier");
        return arg && node.childForFieldName("arguments") ? ctx.evaluate(arg, "concatenation") : { pieces: [], tagged: false };
      }
      case "method_invocation": {
        const method = node.childForFieldName("name")?.text ?? "";
        const object = node.childForFieldName("object");
        const args = namedChildrenOf(node.childForFieldName("arguments") ?? node);
        if (object?.text === "String" && method === "format" && args.length > 0) {
          return ctx.format(ctx.evaluate(args[0], "opaque"), args.slice(1), "printf");
        }
        if (!object) return null;
        if (method === "toString" && args.length === 0) return ctx.evaluate(object, "opaque");
        if ((method === "append" || method === "concat") && args.length === 1) {
          const base = ctx.evaluate(object, "concatenation");
          return concatValues([base, ctx.evaluate(args[0], "concatenation")]);
        }
        return null;
      }
      default:
        return null;
    }
  }
};
function binaryConcat(node, operator, evaluate) {
  const left = node.childForFieldName("left");
  const right = node.childForFieldName("right");
  if (!left || !right || operatorOf(node) !== operator) return null;
  return concatValues([evaluate(left), evaluate(right)]);
}

// src/scanner/syntax-go.ts
var goSyntax = {
  languages: ["go"],
  scopeTypes: /* @__PURE__ */ new Set(["function_declaration", "method_declaration", "func_literal"]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_expression"]),
  numberTypes: /* @__PURE__ */ new Set(["int_literal", "float_literal", "true", "false", "nil"]),
  untrustedSources: [
    /\.URL\.Query\(\)/,
    /\.(?:FormValue|PostFormValue)\(/,
    /\.(?:Form|PostForm|Header)\.Get\(/,
    /\.URL\.(?:Path|RawQuery)\b/,
    /\bos\.Args\b/,
    /\bmux\.Vars\(/,
    /\bchi\.URLParam\(/,
    /\b(?:c|ctx)\.(?:Query|Param|PostForm|DefaultQuery|GetHeader|FormValue|QueryParam|Params)\(/
  ],
  safeExpressions: [
    /^strconv\.(?:Itoa|FormatInt|FormatUint|FormatFloat|FormatBool)\((?:[^()]|\([^()]*\))*\)$/,
    /^len\((?:[^()]|\([^()]*\))*\)$/,
    /^pq\.Quote(?:Identifier|Literal)\((?:[^()]|\([^()]*\))*\)$/
  ],
  callAt(name) {
    const parent = name.parent;
    if (!parent) return null;
    let callee = name;
    let receiver = null;
    if (name.type === "field_identifier" && parent.type === "selector_expression" && sameNode(parent.childForFieldName("field"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("operand");
    } else if (name.type !== "identifier") {
      return null;
    }
    const call = callee.parent;
    if (!call || call.type !== "call_expression" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    return { call, name, receiver, args: argumentList ? namedChildrenOf(argumentList) : [], template: null, argumentList };
  },
  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },
  stringParts(node) {
    if (node.type === "interpreted_string_literal") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    if (node.type === "raw_string_literal") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "none", holes: [] };
    return null;
  },
  assignmentAt(occurrence) {
    let list = occurrence.parent;
    if (!list) return null;
    if (list.type === "parameter_declaration" || list.type === "variadic_parameter_declaration" || list.type === "range_clause") {
      return { op: "parameter" };
    }
    if (list.type === "var_spec" || list.type === "const_spec") {
      const names = namedChildrenOf(list).filter((c) => c.type === "identifier");
      const value2 = list.childForFieldName("value");
      const index2 = names.findIndex((c) => sameNode(c, occurrence));
      if (index2 < 0 || !value2) return null;
      return { op: "set", value: namedChildrenOf(value2)[index2] ?? value2 };
    }
    if (list.type !== "expression_list") return null;
    const statement = list.parent;
    if (!statement || statement.type !== "short_var_declaration" && statement.type !== "assignment_statement") return null;
    if (!sameNode(statement.childForFieldName("left"), list)) return null;
    const right = statement.childForFieldName("right");
    if (!right) return null;
    const index = namedChildrenOf(list).findIndex((c) => sameNode(c, occurrence));
    const values = namedChildrenOf(right);
    const value = values.length === namedChildrenOf(list).length ? values[index] : values[0];
    if (!value) return null;
    const op = operatorOf(statement);
    if (op === "+=") return { op: "append", value };
    return op === "=" || op === ":=" ? { op: "set", value } : { op: "set", value: statement };
  },
  evaluateSpecial(node, ctx) {
    if (node.type === "binary_expression") return binaryConcat(node, "+", (n) => ctx.evaluate(n, "concatenation"));
    if (node.type !== "call_expression") return null;
    const fn = node.childForFieldName("function")?.text.replace(/\s+/g, "");
    const args = namedChildrenOf(node.childForFieldName("arguments") ?? node);
    if (fn === "fmt.Sprintf" && args.length > 0) return ctx.format(ctx.evaluate(args[0], "opaque"), args.slice(1), "printf");
    return null;
  }
};

// src/scanner/syntax-javascript.ts
var PARAMETERIZING_TAGS = /^(?:sql|SQL|Prisma\.sql|(?:[\w$.]+\.)?\$(?:queryRaw|executeRaw)|(?:[\w$.]+\.)?sql)$/;
var RAW_FRAGMENT = /^(?:[\w$.]+\.)?(?:raw|unsafe)$/;
var PARAMETER_PARENTS2 = /* @__PURE__ */ new Set([
  "formal_parameters",
  "required_parameter",
  "optional_parameter",
  "rest_pattern",
  "catch_clause",
  "for_in_statement"
]);
var javascriptSyntax = {
  languages: ["javascript", "typescript", "tsx"],
  scopeTypes: /* @__PURE__ */ new Set([
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
    "class_body"
  ]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression"]),
  numberTypes: /* @__PURE__ */ new Set(["number", "true", "false", "null", "undefined"]),
  untrustedSources: [
    /\b(?:req|request)\.(?:params|body|query|headers|cookies|url|originalUrl|path|files?|signedCookies)\b/,
    /\bctx\.(?:request\.(?:body|query|querystring|headers)|params|query|querystring|headers)\b/,
    /\bprocess\.argv\b/,
    /\bevent\.(?:body|queryStringParameters|pathParameters|multiValueQueryStringParameters|headers)\b/,
    /\b(?:window\.)?location\.(?:search|hash|href|pathname)\b/,
    /\bsearchParams\.get(?:All)?\(/,
    /\bdocument\.(?:cookie|URL)\b/,
    /^(?:window\.)?prompt\(/
  ],
  safeExpressions: [
    /^(?:parseInt|parseFloat|Number|BigInt|Boolean|Math\.\w+)\((?:[^()]|\([^()]*\))*\)$/,
    /^[\w$.]+\.(?:length|size)$/,
    /^[\w$.]+\.toFixed\(\d*\)$/,
    /^(?:[\w$]+\.)*(?:escape|escapeId|escapeLiteral|escapeIdentifier)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w$]+\.)*(?:format)\(["'`][^"'`]*["'`],\[?(?:[^()]|\([^()]*\))*\]?\)$/
  ],
  callAt(name) {
    const parent = name.parent;
    if (!parent) return null;
    let callee = name;
    let receiver = null;
    if (parent.type === "member_expression" && sameNode(parent.childForFieldName("property"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("object");
    } else if (name.type !== "identifier") {
      return null;
    }
    const call = callee.parent;
    if (!call || call.type !== "call_expression" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    if (argumentList?.type === "template_string") {
      return { call, name, receiver, args: [], template: argumentList, argumentList: null };
    }
    return { call, name, receiver, args: argumentList ? namedChildrenOf(argumentList) : [], template: null, argumentList };
  },
  variableName(node) {
    return node.type === "identifier" || node.type === "shorthand_property_identifier_pattern" ? node.text : null;
  },
  stringParts(node) {
    if (node.type === "string") return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    if (node.type !== "template_string") return null;
    const parts = { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    for (const child of node.namedChildren) {
      if (child?.type === "template_substitution") {
        parts.holes.push({ outer: { start: child.startIndex, end: child.endIndex }, expr: namedChildrenOf(child)[0] ?? null });
      }
    }
    return parts;
  },
  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    switch (parent.type) {
      case "variable_declarator": {
        const value = parent.childForFieldName("value");
        return sameNode(parent.childForFieldName("name"), occurrence) && value ? { op: "set", value } : null;
      }
      case "assignment_expression": {
        const value = parent.childForFieldName("right");
        return sameNode(parent.childForFieldName("left"), occurrence) && value ? { op: "set", value } : null;
      }
      case "augmented_assignment_expression": {
        const value = parent.childForFieldName("right");
        if (!sameNode(parent.childForFieldName("left"), occurrence) || !value) return null;
        return operatorOf(parent) === "+=" ? { op: "append", value } : { op: "set", value: parent };
      }
      case "object_pattern":
      case "array_pattern":
      case "pair_pattern": {
        for (let p = parent; p; p = p.parent) {
          if (p.type === "variable_declarator") {
            const value = p.childForFieldName("value");
            return value ? { op: "set", value } : null;
          }
          if (PARAMETER_PARENTS2.has(p.type)) return { op: "parameter" };
          if (!/pattern/.test(p.type)) return null;
        }
        return null;
      }
      case "arrow_function":
        return sameNode(parent.childForFieldName("parameter"), occurrence) ? { op: "parameter" } : null;
      default:
        return PARAMETER_PARENTS2.has(parent.type) ? { op: "parameter" } : null;
    }
  },
  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right || operatorOf(node) !== "+") return null;
        return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
      }
      case "ternary_expression": {
        const a = node.childForFieldName("consequence");
        const b = node.childForFieldName("alternative");
        return a && b ? ctx.conditional(node, [a, b]) : null;
      }
      case "call_expression": {
        const fn = node.childForFieldName("function");
        const args = node.childForFieldName("arguments");
        if (!fn || !args) return null;
        const callee = fn.text.replace(/\s+/g, "");
        if (args.type === "template_string" && PARAMETERIZING_TAGS.test(callee)) return taggedTemplate(args, ctx);
        if (args.type !== "arguments") return null;
        const list = namedChildrenOf(args);
        if (callee === "String" && list.length === 1) return ctx.evaluate(list[0], "concatenation");
        if (/^(?:util\.)?format$/.test(callee) && list.length > 0) return ctx.format(ctx.evaluate(list[0], "opaque"), list.slice(1), "printf");
        if (fn.type === "member_expression" && /^concat$/.test(fn.childForFieldName("property")?.text ?? "")) {
          const object = fn.childForFieldName("object");
          if (object) return concatValues([ctx.evaluate(object, "concatenation"), ...list.map((a) => ctx.evaluate(a, "concatenation"))]);
        }
        return null;
      }
      default:
        return null;
    }
  }
};
function taggedTemplate(template, ctx) {
  const parts = javascriptSyntax.stringParts(template);
  const pieces = [];
  let at = parts.start;
  for (const hole of parts.holes) {
    if (hole.outer.start > at) pieces.push(decodeLiteral(ctx.source, at, hole.outer.start, "c"));
    at = hole.outer.end;
    const expr = hole.expr;
    if (!expr) continue;
    if (expr.type === "call_expression") {
      const fn = expr.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
      const args = expr.childForFieldName("arguments");
      if (args?.type === "template_string" && PARAMETERIZING_TAGS.test(fn)) {
        pieces.push(...taggedTemplate(args, ctx).pieces);
        continue;
      }
      if (args?.type === "arguments" && RAW_FRAGMENT.test(fn)) {
        const raw = namedChildrenOf(args)[0];
        pieces.push(...raw ? ctx.evaluate(raw, "interpolation").pieces : []);
        continue;
      }
    }
    pieces.push(...ctx.safe(expr, "bound", `\`${expr.text.slice(0, 60)}\` is bound as a parameter by the tag`).pieces);
  }
  if (parts.end > at) pieces.push(decodeLiteral(ctx.source, at, parts.end, "c"));
  return { pieces: pieces.filter((p) => p.kind === "hole" || p.text.length > 0), tagged: true };
}

// src/scanner/syntax-php.ts
var CALL_TYPES = /* @__PURE__ */ new Set(["member_call_expression", "nullsafe_member_call_expression", "scoped_call_expression", "function_call_expression"]);
var CONTENT_TYPES = /* @__PURE__ */ new Set(["string_content", "escape_sequence", "string_value"]);
var phpSyntax = {
  languages: ["php"],
  scopeTypes: /* @__PURE__ */ new Set(["function_definition", "method_declaration", "anonymous_function", "arrow_function", "anonymous_function_creation_expression"]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_expression"]),
  numberTypes: /* @__PURE__ */ new Set(["integer", "float", "boolean", "null"]),
  untrustedSources: [
    /\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES|ENV)\b/,
    /\$request->(?:input|get|query|post|all|cookie|header|route|json)\(/,
    /\bRequest::(?:input|get|query|all)\(/,
    /\$argv\b/,
    /php:\/\/input/
  ],
  safeExpressions: [
    /^(?:intval|floatval|boolval|abs|count|strlen|(?:mysqli_|mysql_)?real_escape_string|mysqli_real_escape_string|pg_escape_string|pg_escape_literal|pg_escape_identifier|esc_sql)\((?:[^()]|\([^()]*\))*\)$/,
    /^\$[\w>-]+->(?:quote|real_escape_string|escape_string|escape|prepare)\((?:[^()]|\([^()]*\))*\)$/,
    /^\((?:int|integer|float|double|bool|boolean)\)/
  ],
  callAt(name) {
    if (name.type !== "name") return null;
    const call = name.parent;
    if (!call || !CALL_TYPES.has(call.type)) return null;
    const field = call.type === "function_call_expression" ? "function" : "name";
    if (!sameNode(call.childForFieldName(field), name)) return null;
    const receiver = call.childForFieldName("object") ?? call.childForFieldName("scope");
    const argumentList = call.childForFieldName("arguments");
    const args = argumentList ? namedChildrenOf(argumentList).map((a) => a.type === "argument" ? a.lastNamedChild ?? a : a) : [];
    return { call, name, receiver, args, template: null, argumentList };
  },
  variableName(node) {
    return node.type === "variable_name" ? node.text : null;
  },
  stringParts(node) {
    if (node.type === "string") {
      const single = node.text.startsWith("'");
      return { start: node.startIndex + 1, end: node.endIndex - 1, escapes: single ? "quotes" : "c", holes: [] };
    }
    let body = node;
    let parts;
    if (node.type === "encapsed_string") {
      parts = { start: node.startIndex + 1, end: node.endIndex - 1, escapes: "c", holes: [] };
    } else if (node.type === "heredoc" || node.type === "nowdoc") {
      const found = node.childForFieldName("value") ?? namedChildrenOf(node).find((c) => /_body$/.test(c.type));
      if (!found) return null;
      body = found;
      parts = { start: body.startIndex, end: body.endIndex, escapes: node.type === "nowdoc" ? "none" : "c", holes: [] };
    } else {
      return null;
    }
    for (let i = 0; i < body.childCount; i++) {
      const child = body.child(i);
      if (!child || !child.isNamed || CONTENT_TYPES.has(child.type)) continue;
      const before = body.child(i - 1);
      const after = body.child(i + 1);
      const braced = before?.type === "{" && after?.type === "}";
      parts.holes.push({
        outer: { start: braced ? before.startIndex : child.startIndex, end: braced ? after.endIndex : child.endIndex },
        expr: child
      });
    }
    return parts;
  },
  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment_expression") {
      const value = parent.childForFieldName("right");
      return sameNode(parent.childForFieldName("left"), occurrence) && value ? { op: "set", value } : null;
    }
    if (parent.type === "augmented_assignment_expression") {
      const value = parent.childForFieldName("right");
      if (!sameNode(parent.childForFieldName("left"), occurrence) || !value) return null;
      return operatorOf(parent) === ".=" ? { op: "append", value } : { op: "set", value: parent };
    }
    if (/parameter$/.test(parent.type) || parent.type === "foreach_statement" || parent.type === "pair") return { op: "parameter" };
    return null;
  },
  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary_expression":
        return binaryConcat(node, ".", (n) => ctx.evaluate(n, "concatenation"));
      case "conditional_expression": {
        const a = node.childForFieldName("body");
        const b = node.childForFieldName("alternative");
        return a && b ? ctx.conditional(node, [a, b]) : null;
      }
      case "function_call_expression": {
        const fn = node.childForFieldName("function")?.text;
        const args = namedChildrenOf(node.childForFieldName("arguments") ?? node).map((a) => a.lastNamedChild ?? a);
        if (fn === "sprintf" && args.length > 0) return ctx.format(ctx.evaluate(args[0], "opaque"), args.slice(1), "printf");
        return null;
      }
      default:
        return null;
    }
  }
};

// src/scanner/syntax-python.ts
var PARAMETER_PARENTS3 = /* @__PURE__ */ new Set([
  "parameters",
  "lambda_parameters",
  "default_parameter",
  "typed_parameter",
  "typed_default_parameter",
  "list_splat_pattern",
  "dictionary_splat_pattern",
  "for_statement",
  "for_in_clause",
  "as_pattern_target",
  "except_clause"
]);
var pythonSyntax = {
  languages: ["python"],
  scopeTypes: /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition"]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_expression", "await"]),
  numberTypes: /* @__PURE__ */ new Set(["integer", "float", "true", "false", "none"]),
  untrustedSources: [
    /\brequest\.(?:args|form|values|json|data|files|cookies|headers|GET|POST|COOKIES|META|FILES|body|query_params|path_params|view_args|get_json\(\))/,
    /\bsys\.argv\b/,
    /^(?:input|raw_input)\(/,
    /\bsys\.stdin\b/
  ],
  safeExpressions: [
    /^(?:int|float|len|bool|abs|round|Decimal|uuid\.UUID)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w.]+\.)?(?:Identifier|Literal|Placeholder)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w.]+\.)?(?:escape_string|escape_literal|quote_identifier|mogrify)\((?:[^()]|\([^()]*\))*\)$/
  ],
  callAt(name) {
    if (name.type !== "identifier") return null;
    const parent = name.parent;
    let callee = name;
    let receiver = null;
    if (parent?.type === "attribute" && sameNode(parent.childForFieldName("attribute"), name)) {
      callee = parent;
      receiver = parent.childForFieldName("object");
    }
    const call = callee.parent;
    if (!call || call.type !== "call" || !sameNode(call.childForFieldName("function"), callee)) return null;
    const argumentList = call.childForFieldName("arguments");
    const args = argumentList?.type === "argument_list" ? namedChildrenOf(argumentList).filter((a) => a.type !== "keyword_argument") : [];
    return { call, name, receiver, args, template: null, argumentList: argumentList?.type === "argument_list" ? argumentList : null };
  },
  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },
  stringParts(node) {
    if (node.type !== "string") return null;
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.type !== "string_start") return null;
    const prefix = first.text.replace(/["']+$/, "").toLowerCase();
    const parts = {
      start: first.endIndex,
      end: last.type === "string_end" ? last.startIndex : node.endIndex,
      escapes: prefix.includes("r") ? "none" : "c",
      holes: []
    };
    if (prefix.includes("f")) {
      for (const child of node.namedChildren) {
        if (child?.type === "interpolation") {
          const expr = child.childForFieldName("expression") ?? namedChildrenOf(child)[0] ?? null;
          parts.holes.push({ outer: { start: child.startIndex, end: child.endIndex }, expr });
        }
      }
    }
    return parts;
  },
  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment") {
      const value = parent.childForFieldName("right");
      return sameNode(parent.childForFieldName("left"), occurrence) && value ? { op: "set", value } : null;
    }
    if (parent.type === "augmented_assignment") {
      const value = parent.childForFieldName("right");
      if (!sameNode(parent.childForFieldName("left"), occurrence) || !value) return null;
      return operatorOf(parent) === "+=" ? { op: "append", value } : { op: "set", value: parent };
    }
    if (parent.type === "pattern_list" || parent.type === "tuple_pattern") {
      const assignment = parent.parent;
      const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
      if (!right) return PARAMETER_PARENTS3.has(assignment?.type ?? "") ? { op: "parameter" } : null;
      const index = namedChildrenOf(parent).findIndex((c) => sameNode(c, occurrence));
      const values = right.type === "expression_list" ? namedChildrenOf(right) : [];
      return { op: "set", value: values[index] ?? right };
    }
    if (parent.type === "default_parameter" || parent.type === "typed_default_parameter") {
      return sameNode(parent.childForFieldName("name"), occurrence) ? { op: "parameter" } : null;
    }
    if (parent.type === "for_statement" || parent.type === "for_in_clause") {
      return sameNode(parent.childForFieldName("left"), occurrence) ? { op: "parameter" } : null;
    }
    return PARAMETER_PARENTS3.has(parent.type) ? { op: "parameter" } : null;
  },
  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "concatenated_string":
        return concatValues(namedChildrenOf(node).map((s) => ctx.evaluate(s, "concatenation")));
      case "binary_operator": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right) return null;
        const op = operatorOf(node);
        if (op === "+") return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
        if (op !== "%") return null;
        const format = ctx.evaluate(left, "opaque");
        if (!format.pieces.some((p) => p.kind === "text")) return null;
        if (right.type === "tuple") return ctx.format(format, namedChildrenOf(right), "printf");
        if (right.type === "dictionary") return ctx.format(format, [right], "printf", dictionaryEntries(right));
        return ctx.format(format, [right], "printf");
      }
      case "conditional_expression": {
        const children = namedChildrenOf(node);
        return children.length === 3 ? ctx.conditional(node, [children[0], children[2]]) : null;
      }
      case "call": {
        const fn = node.childForFieldName("function");
        const argumentList = node.childForFieldName("arguments");
        if (!fn || argumentList?.type !== "argument_list") return null;
        const all = namedChildrenOf(argumentList);
        const positional = all.filter((a) => a.type !== "keyword_argument");
        if (fn.type === "attribute" && fn.childForFieldName("attribute")?.text === "format") {
          const object = fn.childForFieldName("object");
          if (!object) return null;
          const named = /* @__PURE__ */ new Map();
          for (const kw of all) {
            const key = kw.type === "keyword_argument" ? kw.childForFieldName("name")?.text : void 0;
            const value = kw.childForFieldName("value");
            if (key && value) named.set(key, value);
          }
          return ctx.format(ctx.evaluate(object, "opaque"), positional, "brace", named);
        }
        if (/^(?:(?:sqlalchemy\.)?text|str)$/.test(fn.text) && positional.length === 1) return ctx.evaluate(positional[0], "opaque");
        return null;
      }
      default:
        return null;
    }
  }
};
function dictionaryEntries(dictionary) {
  const map = /* @__PURE__ */ new Map();
  for (const pair of namedChildrenOf(dictionary)) {
    const key = pair.childForFieldName("key");
    const value = pair.childForFieldName("value");
    if (pair.type === "pair" && key?.type === "string" && value) map.set(key.text.slice(1, -1), value);
  }
  return map;
}

// src/scanner/syntax-ruby.ts
var PARAMETER_PARENTS4 = /* @__PURE__ */ new Set([
  "method_parameters",
  "lambda_parameters",
  "block_parameters",
  "optional_parameter",
  "keyword_parameter",
  "splat_parameter",
  "for"
]);
var rubySyntax = {
  languages: ["ruby"],
  scopeTypes: /* @__PURE__ */ new Set(["method", "singleton_method", "block", "do_block", "lambda"]),
  wrapperTypes: /* @__PURE__ */ new Set(["parenthesized_statements"]),
  numberTypes: /* @__PURE__ */ new Set(["integer", "float", "true", "false", "nil"]),
  untrustedSources: [
    /(?<![\w.@])params(?:\[|\.|$)/,
    /\brequest\.(?:params|query_parameters|request_parameters|body|headers|cookies|query_string|raw_post)\b/,
    /(?<![\w.])cookies\[/,
    /\bARGV\b/,
    /^(?:\$stdin\.)?gets\b/
  ],
  safeExpressions: [
    /\.(?:to_i|to_f|to_r|length|size|count)$/,
    /^(?:Integer|Float)\((?:[^()]|\([^()]*\))*\)$/,
    /\.(?:quote|quote_table_name|quote_column_name)\((?:[^()]|\([^()]*\))*\)$/,
    /^(?:[\w:.]+\.)?sanitize_sql\w*\((?:[^()]|\([^()]*\))*\)$/
  ],
  callAt(name) {
    if (name.type !== "identifier") return null;
    const call = name.parent;
    if (!call || call.type !== "call" || !sameNode(call.childForFieldName("method"), name)) return null;
    const argumentList = call.childForFieldName("arguments");
    return {
      call,
      name,
      receiver: call.childForFieldName("receiver"),
      args: argumentList ? namedChildrenOf(argumentList) : [],
      template: null,
      argumentList
    };
  },
  variableName(node) {
    return node.type === "identifier" ? node.text : null;
  },
  stringParts(node) {
    if (node.type !== "string") return null;
    const first = node.firstChild;
    const last = node.lastChild;
    if (!first || !last || first.isNamed || last.isNamed) return null;
    const single = first.text === "'" || first.text.startsWith("%q");
    const parts = { start: first.endIndex, end: last.startIndex, escapes: single ? "quotes" : "c", holes: [] };
    for (const child of node.namedChildren) {
      if (child?.type === "interpolation") {
        parts.holes.push({ outer: { start: child.startIndex, end: child.endIndex }, expr: namedChildrenOf(child)[0] ?? null });
      }
    }
    return parts;
  },
  assignmentAt(occurrence) {
    const parent = occurrence.parent;
    if (!parent) return null;
    if (parent.type === "assignment") {
      const value = parent.childForFieldName("right");
      return sameNode(parent.childForFieldName("left"), occurrence) && value ? { op: "set", value } : null;
    }
    if (parent.type === "operator_assignment") {
      const value = parent.childForFieldName("right");
      if (!sameNode(parent.childForFieldName("left"), occurrence) || !value) return null;
      return operatorOf(parent) === "+=" ? { op: "append", value } : { op: "set", value: parent };
    }
    if (parent.type === "binary" && operatorOf(parent) === "<<" && sameNode(parent.childForFieldName("left"), occurrence)) {
      const value = parent.childForFieldName("right");
      return value && parent.parent?.type !== "binary" ? { op: "append", value } : null;
    }
    return PARAMETER_PARENTS4.has(parent.type) ? { op: "parameter" } : null;
  },
  evaluateSpecial(node, ctx) {
    switch (node.type) {
      case "binary": {
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (!left || !right) return null;
        const op = operatorOf(node);
        if (op === "+") return concatValues([ctx.evaluate(left, "concatenation"), ctx.evaluate(right, "concatenation")]);
        if (op === "%") {
          const args = right.type === "array" ? namedChildrenOf(right) : [right];
          return ctx.format(ctx.evaluate(left, "opaque"), args, "printf");
        }
        return null;
      }
      case "array": {
        const first = namedChildrenOf(node)[0];
        return first && rubySyntax.stringParts(first) ? ctx.evaluate(first, "opaque") : null;
      }
      case "conditional": {
        const a = node.childForFieldName("consequence");
        const b = node.childForFieldName("alternative");
        return a && b ? ctx.conditional(node, [a, b]) : null;
      }
      default:
        return null;
    }
  }
};

// src/scanner/syntaxes.ts
var ALL = [javascriptSyntax, pythonSyntax, javaSyntax, goSyntax, phpSyntax, rubySyntax];
function syntaxFor(language) {
  const syntax = ALL.find((s) => s.languages.includes(language));
  if (!syntax) throw new Error(`no host syntax for ${language}`);
  return syntax;
}

// src/scanner/tree-sitter-runtime.ts
import { Language, Parser } from "web-tree-sitter";
var runtimeReady = null;
function initRuntime(options = {}) {
  runtimeReady ??= Parser.init(options).catch((error) => {
    runtimeReady = null;
    throw error;
  });
  return runtimeReady;
}
var ParserPool = class {
  constructor(loadGrammar, runtime) {
    this.loadGrammar = loadGrammar;
    this.runtime = runtime;
  }
  loadGrammar;
  runtime;
  parsers = /* @__PURE__ */ new Map();
  /** The parser for `language`, loading its grammar on first use. */
  parserFor(language) {
    let parser = this.parsers.get(language);
    if (!parser) {
      parser = this.create(language);
      parser.catch(() => this.parsers.delete(language));
      this.parsers.set(language, parser);
    }
    return parser;
  }
  async create(language) {
    await initRuntime(this.runtime);
    const file = grammarFileName(language);
    const wasm = await this.loadGrammar(language, file);
    const grammar = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(grammar);
    return parser;
  }
  /** Frees the parsers' wasm memory. */
  async dispose() {
    const parsers = [...this.parsers.values()];
    this.parsers.clear();
    for (const parser of parsers) {
      try {
        (await parser).delete();
      } catch {
      }
    }
  }
};

// src/scanner/scanner.ts
var CACHE_VERSION = "sextant-patterns-scan/1";
var BINARY_SAMPLE = 8192;
var PARSE_CHUNK = 8192;
function createScanner(options) {
  const sinks2 = options.sinks ?? DEFAULT_SINKS;
  const maxFileLength = options.maxFileLength ?? 2e6;
  const sensitiveLiterals = options.sensitiveLiterals ?? true;
  const pool = new ParserPool(options.loadGrammar, options.runtime ?? {});
  const indexed = /* @__PURE__ */ new Map();
  const configKey = contentHash(
    JSON.stringify({ sinks: sinks2.map((s) => ({ ...s, receiver: s.receiver?.source })), maxFileLength, sensitiveLiterals })
  );
  const sinksFor = (language) => {
    let found = indexed.get(language);
    if (!found) indexed.set(language, found = indexSinks(sinks2, language));
    return found;
  };
  async function analyze(file, language) {
    const text = file.text;
    if (text.length > maxFileLength) {
      return refused(language, "input-too-large", "warning", `File not scanned: ${text.length} characters exceeds the limit of ${maxFileLength}.`);
    }
    if (looksBinary(text)) return refused(language, "binary-input", "info", "File not scanned: it looks like binary data, not source code.");
    const languageSinks = sinksFor(language);
    if (!mentionsSink(text, languageSinks)) return { language, diagnostics: [], extractions: [] };
    const parser = await pool.parserFor(language);
    const tree = parser.parse((index) => index < text.length ? text.slice(index, index + PARSE_CHUNK) : "");
    if (!tree) return refused(language, "scan-failed", "info", "File not scanned: the parser returned no tree.");
    try {
      const analysis = analyzeTree(text, tree, language, syntaxFor(language), languageSinks, { sensitiveLiterals });
      return { language, ...analysis };
    } finally {
      tree.delete();
    }
  }
  async function scanStored(file) {
    const language = file.language ?? (file.path ? languageForPath(file.path) : null);
    if (!language) return { language: null, diagnostics: [], extractions: [] };
    try {
      if (typeof file.text !== "string") throw new TypeError("file.text must be a string");
      const cache = options.cache;
      if (!cache) return await analyze(file, language);
      const key = `${CACHE_VERSION}/${language}/${configKey}/${contentHash(file.text)}`;
      return await cache.getOrSet(key, () => analyze(file, language));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return refused(language, "scan-failed", "info", `File not scanned: ${reason.slice(0, 200)}`);
    }
  }
  return {
    async scan(file) {
      const stored = await scanStored(file);
      return { language: stored.language, diagnostics: stored.diagnostics, extractions: stored.extractions.map(withMapping) };
    },
    async extractSql(file) {
      return (await scanStored(file)).extractions.map(withMapping);
    },
    dispose: () => pool.dispose()
  };
}
function refused(language, code, severity, message) {
  return { language, diagnostics: [{ code, severity, message, range: { start: 0, end: 0 }, source: "patterns" }], extractions: [] };
}
function looksBinary(text) {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  if (sample.includes("\0")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 || c === 65533) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
export {
  DEFAULT_SINKS,
  SCANNER_LANGUAGES,
  contentHash,
  createScanner,
  findSensitiveLiterals,
  grammarFileName,
  languageForPath,
  luhnValid,
  shannonEntropy
};
//# sourceMappingURL=index.js.map