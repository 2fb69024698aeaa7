/**
 * The first administrator of a platform started from nothing, before or instead of the server
 * creating it at start:
 *
 *   tsx packages/api/src/cli/admin.ts create [--username NAME]      (npm run admin:create -- --username NAME)
 *
 * The username is NAME, else HCP_ADMIN_USERNAME, else "admin". The database as for the other
 * maintenance commands (DATABASE_URL, or the platform's own MariaDB while it is stopped), migrated
 * first. Prints the one-time password once (it must be changed at the first sign-in) and exits 0;
 * exits 1 when an administrator exists already: then accounts are kept on the console.
 */
import { migrateToLatest } from "@hcp/db";
import { runCommand, withDatabase } from "@hcp/db/cli/open-database";
import { readEnv } from "@hcp/db/env";

import { ensureFirstAdministrator } from "../services/accounts/first-admin";

function usernameArgument(args: readonly string[]): string | undefined {
  const index = args.indexOf("--username");
  return index === -1 ? undefined : args[index + 1];
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== "create") {
    process.stderr.write("usage: admin create [--username NAME]\n");
    return 2;
  }
  const username = usernameArgument(args) ?? readEnv().HCP_ADMIN_USERNAME;
  return withDatabase(async (db) => {
    await migrateToLatest(db);
    const created = await ensureFirstAdministrator(db, username, new Date());
    if (!created) {
      process.stdout.write(
        "an administrator exists already: nothing created (administrators add and reset accounts on the console's 账号管理)\n",
      );
      return 1;
    }
    process.stdout.write(
      `first administrator created\n  username            ${created.username}\n  one-time password   ${created.password}\n` +
        "It is shown this once and must be changed at the first sign-in.\n",
    );
    return 0;
  });
}

runCommand(main);
