import { sql, type RawBuilder } from "kysely";

import { HALL_UTC_OFFSET_HOURS } from "@hcp/domain";

/**
 * A UTC datetime column read on the hall's wall clock, `(column + interval 8 hour)`: the offset is
 * the domain's hall clock's, exact because Beijing time keeps no daylight saving. Wrap it in
 * `date(…)` or `date_format(…)` for the hall-local day or month.
 */
export function onHallClock(column: string): RawBuilder<Date> {
  return sql<Date>`(${sql.ref(column)} + interval ${sql.lit(HALL_UTC_OFFSET_HOURS)} hour)`;
}
