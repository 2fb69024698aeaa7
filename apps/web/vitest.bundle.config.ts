import { defineConfig } from "vitest/config";

/** The bundle budget: reads dist/ after `vite build`, so it runs apart from the unit tests. */
export default defineConfig({
  test: { include: ["scripts/bundle-size.test.ts"], environment: "node" },
});
