import { sql } from "kysely";

import type { Db } from "../client";

/** Reference tables survive cleaning: they are loaded once per run by prepareDatabase. */
const REFERENCE_TABLES = new Set([
  "role",
  "reason_code",
  "reason_code_version",
  "calendar_day",
  "calendar_year",
  "kysely_migration",
  "kysely_migration_lock",
]);

/**
 * Empty every data table between tests. INVARIANT: `set foreign_key_checks` is per session, so the
 * truncates must run on the one pinned connection that switched the checks off.
 */
export async function truncateAll(db: Db): Promise<void> {
  await db.connection().execute(async (conn) => {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = database() and table_type = 'BASE TABLE'`.execute(conn);
    await sql`set foreign_key_checks = 0`.execute(conn);
    try {
      for (const table of tables.rows) {
        if (!REFERENCE_TABLES.has(table.name)) await sql`truncate table ${sql.id(table.name)}`.execute(conn);
      }
    } finally {
      await sql`set foreign_key_checks = 1`.execute(conn);
    }
  });
}

export * from "./fixtures";
export * from "./backdate";
export * from "./county-townships";
export * from "./county-fixture";
