import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.integration.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    // All files share one throwaway database, cleaned between tests.
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
    restoreMocks: true,
  },
});
