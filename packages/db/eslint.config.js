import base from "@hcp/eslint-config/base";

export default [
  ...base,
  // The one package where SQL is written: its repositories, migrations, seed, test and bench data.
  { rules: { "hcp/no-sql-outside-db": "off" } },
];
