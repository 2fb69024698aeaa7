import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// A hall that switches the provincial default rating on without choosing a level gets 基本满意, the
// only documented default (domain.md §7), not 非常满意. Halls that never switched it on never chose
// their stored level either, so theirs follows; a hall that has it on keeps what it has.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table hall alter column default_rating_level set default 3`.execute(db);
  await db.updateTable("hall").set({ default_rating_level: 3 }).where("default_rating_enabled", "=", false).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table hall alter column default_rating_level set default 5`.execute(db);
}
