// Fuzz campaign for the formatter over the BUILT package:
//   npm run build -w @sextant/cairom-analyzer && node packages/cairom-analyzer/fuzz/format.mjs [count] [seed]
// For every input the formatter accepts (no syntax errors), at widths 100, 40 and 24:
// formatting is idempotent, keeps every comment and the items; and range formatting of a
// random range gives text that formats to the same result as the whole file.
import { mutated, nthInput, prng, validProgram } from "./generate.mjs";
import { applyEdits, formatParsed, formatParsedRange, parse } from "../dist/index.js";

const count = Number(process.argv[2] ?? 200_000);
const seed = Number(process.argv[3] ?? 20261123);
const rand = prng(seed);
const comments = (s) => (s.match(/\/\/.*$/gm) ?? []).map((c) => c.trimEnd()).join("\n");
const itemKinds = (s) => parse(s).items.map((it) => it.ast.k).join(",");
const started = performance.now();
let failures = 0;
let formatted = 0;
const fail = (what, input) => {
  failures++;
  if (failures <= 5) console.error(`${what}\n${JSON.stringify(input)}`);
};
for (let i = 0; i < count; i++) {
  const r = rand();
  const input = r < 0.6 ? validProgram(rand) : r < 0.8 ? nthInput(rand) : mutated(rand);
  try {
    const parsed = parse(input);
    for (const width of [100, 40, 24]) {
      const once = formatParsed(parsed, { width });
      if (once === undefined) break;
      if (width === 100) formatted++;
      if (formatParsed(parse(once), { width }) !== once) fail(`not idempotent at width ${width}`, input);
      if (comments(once) !== comments(input)) fail(`lost a comment at width ${width}`, input);
      if (itemKinds(once) !== itemKinds(input)) fail(`changed the items at width ${width}`, input);
      const from = Math.floor(rand() * (input.length + 1));
      const range = { start: from, end: Math.min(input.length, from + Math.floor(rand() * 80)) };
      const ranged = applyEdits(input, formatParsedRange(parsed, range, { width }));
      if (formatParsed(parse(ranged), { width }) !== once) fail(`range ${JSON.stringify(range)} diverges at width ${width}`, input);
    }
  } catch (e) {
    fail(`threw ${e}`, input);
  }
  if ((i + 1) % 50_000 === 0) console.log(`${i + 1} inputs (${formatted} formatted), ${failures} failures`);
}
const secs = (performance.now() - started) / 1000;
console.log(`${count} inputs (seed ${seed}, ${formatted} accepted by the formatter) in ${secs.toFixed(1)} s, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
