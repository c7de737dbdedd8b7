import { defineConfig } from "vitest/config";

// Tests run against each package's `src/` through the `@sextant/source` export
// condition, so no build is needed to test. With vite 8 the condition must be set
// under `ssr.resolve` for Node tests (plain `resolve.conditions` is not enough).
export default defineConfig({
  ssr: { resolve: { conditions: ["@sextant/source"] } },
  resolve: { conditions: ["@sextant/source"] },
  test: {
    include: ["tests/**/*.test.ts", "packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
    globalSetup: ["tests/setup/global-services.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
