import type { CallSite } from "./host-syntax.js";
import type { SqlValue } from "./sql-value.js";
import type { LanguageId, PlaceholderStyle, ScanFix, SinkSpec, TextRange } from "./types.js";

/**
 * Builds the parameterized form of a sink call when the SQL is written inline in the
 * argument: the spliced values become placeholders and move to a parameter list.
 * Returns null when the shape is not clear enough to rewrite mechanically.
 */
export function parameterizeFix(
  language: LanguageId,
  source: string,
  site: CallSite,
  spec: SinkSpec,
  argument: TextRange,
  value: SqlValue,
): ScanFix | null {
  if (language === "java" || language === "php") return null;
  if (site.args.length !== 1 || spec.kind === "tagged-template" || value.tagged) return null;
  const inside = (r: TextRange) => r.start >= argument.start && r.end <= argument.end;
  const style: PlaceholderStyle = spec.placeholder ?? (language === "python" ? "%s" : "?");
  let sql = "";
  const params: string[] = [];
  const pieces = [...value.pieces];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
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
    // A value in the middle of a SQL string literal (`LIKE '%x%'`) cannot become a placeholder as is.
    const openQuotes = (sql.match(/'/g) ?? []).length - (quotedBefore ? 1 : 0);
    if (openQuotes % 2 === 1) return null;
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
  let newText: string;
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
    edits: [{ range: argument, newText }],
  };
}

function stringLiteral(language: LanguageId, text: string): string {
  const json = JSON.stringify(text);
  if (language === "ruby") return json.replace(/#(?=[{$@])/g, "\\#");
  return json;
}
