// Prints vitest's JSON results as one plain closing line ("N passed, N failed, N skipped")
// so any reader of the CI log sees the count without parsing vitest's own format.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? ".vitest-results.json";
const results = JSON.parse(readFileSync(file, "utf8"));
const passed = results.numPassedTests ?? 0;
const failed = results.numFailedTests ?? 0;
const skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
