import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/node/index.ts"],
  format: ["esm"],
  // The package tsconfig is `composite` (for tsc -b), which makes tsup's d.ts pass insist
  // that every file be listed; the d.ts bundle needs neither that nor the scripts.
  dts: { compilerOptions: { composite: false, incremental: false, rootDir: "src" } },
  sourcemap: true,
  clean: true,
  target: "es2022",
});
