import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.spec.ts"],
    globalSetup: ["./src/global-setup.ts"],
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 120_000,
    // A real browser on a loaded 2-core CI machine: one retry, as Playwright projects commonly allow.
    retry: process.env.CI ? 1 : 0,
  },
});
