import react from "@hcp/eslint-config/react";

const BUNDLE =
  "the citizen pages' first load has a budget (README, 'Citizen bundle budget'): take values from @hcp/domain/citizen, which loads no zod";

export default [
  ...react,
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      // Types cost nothing at run time; values from the barrel or zod itself would bring the
      // whole schema library into /kiosk and /rate.
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@hcp/domain", message: BUNDLE, allowTypeImports: true },
            { name: "zod", message: BUNDLE, allowTypeImports: true },
          ],
        },
      ],
    },
  },
];
