// Shared lint rules: type-aware, because tRPC and Kysely code is full of promises.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const PROCESS_ENV = "read settings with readEnv() from @hcp/db/env (apps/server/src/env.ts in the server), which validates them";

export default tseslint.config(
  { ignores: ["dist/**", ".cache/**", "node_modules/**", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-definitions": "off",
      // Settings come through one zod schema (packages/db/src/env.ts, re-exported by
      // apps/server/src/env.ts): the only module allowed to touch process.env.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: PROCESS_ENV }],
      "no-restricted-imports": [
        "error",
        {
          paths: ["process", "node:process"].map((name) => ({ name, importNames: ["env"], message: PROCESS_ENV })),
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
);
