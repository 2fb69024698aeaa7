import { sql } from "kysely";

import type { Db } from "../client";

/** Moves every work order's opening back by `days`, as if that much time had passed since. */
export async function backdateWorkOrders(db: Db, days: number): Promise<void> {
  await sql`update work_order set created_at = created_at - interval ${days} day`.execute(db);
}
