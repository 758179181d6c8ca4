// The tests that start the production app as its own process (tests/server/*.test.ts): they
// need `npm run build` first, so `npm test` runs them after the build (scripts/test-all.sh).
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/server/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
