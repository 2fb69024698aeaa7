import { sql } from "kysely";

import type { Db } from "../client";

/**
 * The next value of a named sequence, atomically, without a table lock: the row update and
 * `last_insert_id()` are per connection, so the read must run on the connection that wrote.
 */
export async function nextCounterValue(db: Db, name: string): Promise<number> {
  return db.connection().execute(async (conn) => {
    await sql`insert into counter (name, value) values (${name}, last_insert_id(1))
      on duplicate key update value = last_insert_id(value + 1)`.execute(conn);
    const row = await sql<{ value: number }>`select last_insert_id() as value`.execute(conn);
    const value = row.rows[0]?.value;
    if (value === undefined) throw new Error(`counter ${name} returned no value`);
    return Number(value);
  });
}
