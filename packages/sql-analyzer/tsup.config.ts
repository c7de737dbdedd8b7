import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  // The package tsconfig is `composite` (for tsc -b), which makes tsup's d.ts pass insist
  // that every file be listed; the d.ts bundle needs neither that nor incremental builds.
  dts: { compilerOptions: { composite: false, incremental: false } },
  sourcemap: true,
  clean: true,
  target: "es2022",
});
