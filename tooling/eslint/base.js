// Shared lint rules: type-aware, because tRPC and Kysely code is full of promises.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

import hcp from "./no-sql-outside-db.js";

const PROCESS_ENV =
  "read settings with readEnv() from @hcp/db/env (apps/server/src/env.ts in the server), which validates them";

export default tseslint.config(
  { ignores: ["dist/**", ".cache/**", "node_modules/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    plugins: { hcp },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-definitions": "off",
      // Settings come through one zod schema (packages/db/src/env.ts, re-exported by
      // apps/server/src/env.ts): the only module allowed to touch process.env.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: PROCESS_ENV }],
      // Every statement lives in a packages/db repository (packages/db/eslint.config.js turns this off).
      "hcp/no-sql-outside-db": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: PROCESS_ENV })),
        },
      ],
    },
  },
  {
    // Routers stay thin (input, output, one service call): what a procedure reads or writes goes
    // through its service in packages/api/src/services, never a repository of @hcp/db directly.
    files: ["src/routers/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: PROCESS_ENV })),
            { name: "@hcp/db", message: "a router calls its service (packages/api/src/services), which calls @hcp/db" },
          ],
        },
      ],
    },
  },
  {
    // Exempt: Vite's config loader leaves workspace packages to Node, which cannot load their
    // TypeScript sources, so a vitest config cannot import the schema (e2e reads CI there).
    files: ["**/vitest.config.ts", "**/vitest.*.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Exempt: tests arrange rows and check what was stored with their own statements, so that a
    // test does not take its evidence from the repositories it is testing. Test helpers
    // (harnesses, set-ups) and the benchmarks are not exempt: theirs live in @hcp/db/testing and
    // @hcp/db/bench.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts"],
    rules: { "hcp/no-sql-outside-db": "off" },
  },
);
