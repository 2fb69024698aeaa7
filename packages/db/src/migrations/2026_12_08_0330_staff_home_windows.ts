import { sql, type Kysely } from "kysely";

// Frozen in time: Kysely<any>, no application imports.
/* eslint-disable @typescript-eslint/no-explicit-any -- a migration must not depend on today's schema type */

// The desk now signs staff in only at their own windows (others need a manager's approval). A
// hall that ran before has no staff_window rows: each serving staff member gets the window they
// last signed in at as their home window, so nobody is locked out of their usual place.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into staff_window (staff_id, window_id, position)
    select p.staff_id, p.window_id, 0
    from window_presence p
    join (select staff_id, max(id) as id from window_presence group by staff_id) latest on latest.id = p.id
    join staff s on s.id = p.staff_id and s.active = true
    join \`window\` w on w.id = p.window_id and w.active = true
    where not exists (select 1 from staff_window sw where sw.staff_id = p.staff_id)
  `.execute(db);
}

export async function down(): Promise<void> {
  // The rows are ordinary assignments by now: nothing to undo.
}
