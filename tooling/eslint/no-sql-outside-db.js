// A local rule: SQL is written in packages/db repositories only (functions taking the db or the
// transaction as their first argument), so every statement the platform runs is in one place.
const QUERY_BUILDERS = new Set(["selectFrom", "insertInto", "updateTable", "deleteFrom", "replaceInto", "mergeInto"]);
const MESSAGE =
  "write SQL in a packages/db repository (packages/db/src/repositories, db as first argument) and call it from here";

/** @type {import("eslint").Rule.RuleModule} */
const noSqlOutsideDb = {
  meta: {
    type: "problem",
    docs: { description: "Refuses Kysely query builders and the sql tag outside packages/db" },
    schema: [],
    messages: {
      builder: `\`.{{name}}()\` builds a query: ${MESSAGE}.`,
      sqlImport: `\`sql\` from kysely writes a statement: ${MESSAGE}.`,
      sqlTag: `The \`sql\` tag writes a statement: ${MESSAGE}.`,
    },
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === "MemberExpression" &&
          !callee.computed &&
          callee.property.type === "Identifier" &&
          QUERY_BUILDERS.has(callee.property.name)
        ) {
          context.report({ node: callee.property, messageId: "builder", data: { name: callee.property.name } });
        }
      },
      ImportDeclaration(node) {
        if (node.source.value !== "kysely" || node.importKind === "type") return;
        for (const specifier of node.specifiers) {
          const imported = specifier.type === "ImportSpecifier" ? specifier.imported : null;
          const name = imported && (imported.type === "Identifier" ? imported.name : imported.value);
          if (name === "sql" && specifier.importKind !== "type")
            context.report({ node: specifier, messageId: "sqlImport" });
        }
      },
      TaggedTemplateExpression(node) {
        if (node.tag.type === "Identifier" && node.tag.name === "sql")
          context.report({ node: node.tag, messageId: "sqlTag" });
      },
    };
  },
};

export default { rules: { "no-sql-outside-db": noSqlOutsideDb } };
