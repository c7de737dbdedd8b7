// Runs one TypeScript script of this package: esbuild bundles it (dependencies stay
// external) into .cache/, then Node runs the bundle with the remaining arguments.
// Why: Node 20 cannot run .ts files, and the scripts share code with src/.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-script.mjs <script.ts> [args...]");
  process.exit(2);
}
const outfile = join(packageDir, ".cache", basename(entry).replace(/\.ts$/, ".mjs"));
await build({
  entryPoints: [join(packageDir, entry)],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  outfile,
  logLevel: "warning",
});
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit", cwd: packageDir });
process.exit(result.status ?? 1);
