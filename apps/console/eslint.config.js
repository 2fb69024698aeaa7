import react from "@hcp/eslint-config/react";

export default [
  ...react,
  {
    rules: {
      // TanStack Router's guards throw `redirect(...)`, a plain object by design.
      "@typescript-eslint/only-throw-error": [
        "error",
        { allow: [{ from: "package", package: "@tanstack/router-core", name: "Redirect" }] },
      ],
    },
  },
];
