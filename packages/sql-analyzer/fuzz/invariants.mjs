/**
 * The invariants every parse must keep, checked by the fuzz test and the fuzz
 * script. `api` is the package (src/ in tests, dist/ in the script). Returns a
 * list of violations (empty when the parse is fine); never throws for a parse
 * problem — a thrown parse is reported as a violation.
 */
const SEVERITIES = new Set(["error", "warning", "info", "hint"]);

function cpuMillis() {
  if (typeof process !== "undefined" && process.cpuUsage) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  return performance.now();
}

export function checkInvariants(api, text, dialect, options = {}) {
  const problems = [];
  let result;
  // CPU time, not wall time: the bound catches runaway parses, not a busy machine.
  const started = cpuMillis();
  try {
    result = api.parse(text, { dialect });
  } catch (error) {
    return [`parse threw: ${error && error.stack ? error.stack : error}`];
  }
  const elapsed = cpuMillis() - started;
  if (elapsed > (options.maxMillis ?? 2000)) problems.push(`parse took ${elapsed.toFixed(0)} ms`);
  if (result.root.text() !== text) problems.push("root.text() !== input");
  if (api.greenText(result.root.green) !== text) problems.push("concatenated tokens !== input");
  const codes = new Set(Object.values(api.SyntaxCode));
  for (const d of result.diagnostics) {
    if (!(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length)) problems.push(`bad range ${JSON.stringify(d.range)}`);
    if (!codes.has(d.code)) problems.push(`unknown code ${d.code}`);
    if (!SEVERITIES.has(d.severity)) problems.push(`bad severity ${d.severity}`);
  }
  // Widths add up, and no node (other than the root) starts or ends with trivia.
  const stack = [result.root.green];
  while (stack.length > 0) {
    const node = stack.pop();
    let sum = 0;
    for (const child of node.children) {
      sum += child.width;
      if (!child.isToken) {
        stack.push(child);
        const first = child.children[0];
        const last = child.children[child.children.length - 1];
        if (first && first.isToken && api.isTrivia(first.kind)) problems.push(`${api.syntaxKindName(child.kind)} starts with trivia`);
        if (last && last.isToken && api.isTrivia(last.kind)) problems.push(`${api.syntaxKindName(child.kind)} ends with trivia`);
        if (child.children.length === 0) problems.push(`${api.syntaxKindName(child.kind)} is empty`);
      }
    }
    if (sum !== node.width) problems.push(`${api.syntaxKindName(node.kind)} width ${node.width} != ${sum}`);
  }
  for (const e of result.embedded) {
    const { start, end } = e.root.range;
    if (e.root.text() !== text.slice(start, end) || api.greenText(e.root.green) !== text.slice(start, end)) problems.push("embedded text mismatch");
  }
  if (options.segments) {
    // Each segment, parsed alone, parses as it does inside the text (the service caches
    // segment parses by their text alone).
    for (const segment of result.segments) {
      const alone = api.parseSegmentText(text.slice(segment.start, segment.end), dialect);
      if (JSON.stringify(alone.diagnostics) !== JSON.stringify(segment.parse.diagnostics)) problems.push(`segment at ${segment.start} has other diagnostics alone`);
      if (shapeOf(alone.elements) !== shapeOf(segment.parse.elements)) problems.push(`segment at ${segment.start} has another tree alone`);
      if (alone.closed !== segment.closed) problems.push(`segment at ${segment.start} is ${segment.closed ? "" : "not "}closed only in the text`);
    }
  }
  if (options.previousText !== undefined) {
    // Incremental reparse from another text must equal a fresh parse.
    const previous = api.parse(options.previousText, { dialect });
    const incremental = api.parse(text, { dialect, previous });
    if (api.printTree(incremental.root) !== api.printTree(result.root)) problems.push("incremental tree differs from fresh parse");
    if (JSON.stringify(incremental.diagnostics) !== JSON.stringify(result.diagnostics)) problems.push("incremental diagnostics differ from fresh parse");
  }
  return problems;
}

/** Kinds, widths and nesting of green elements, to compare two parses of one text. */
function shapeOf(elements) {
  let out = "";
  for (const e of elements) out += e.isToken ? `${e.kind}:${e.width} ` : `${e.kind}(${shapeOf(e.children)}) `;
  return out;
}
