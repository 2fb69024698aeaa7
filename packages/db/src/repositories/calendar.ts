import type { Db } from "../client";

export interface TCalendarYearRow {
  year: number;
  source: string;
  confirmedByUserId: number | null;
  confirmedByName: string;
  confirmedAt: Date;
}

/** Every year whose holiday schedule is confirmed. */
export async function listConfirmedCalendarYears(db: Db): Promise<TCalendarYearRow[]> {
  return db
    .selectFrom("calendar_year")
    .select([
      "year",
      "source",
      "confirmed_by_user_id as confirmedByUserId",
      "confirmed_by_name as confirmedByName",
      "confirmed_at as confirmedAt",
    ])
    .orderBy("year")
    .execute();
}

/** The years with a confirmed schedule, for marking figures counted on the others. */
export async function confirmedCalendarYears(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom("calendar_year").select("year").execute();
  return new Set(rows.map((row) => row.year));
}

/** A year's confirmation, locked for the confirming transaction. */
export async function lockCalendarYear(trx: Db, year: number): Promise<TCalendarYearRow | undefined> {
  return trx
    .selectFrom("calendar_year")
    .select([
      "year",
      "source",
      "confirmed_by_user_id as confirmedByUserId",
      "confirmed_by_name as confirmedByName",
      "confirmed_at as confirmedAt",
    ])
    .where("year", "=", year)
    .forUpdate()
    .executeTakeFirst();
}

/** Replaces every holiday and make-up day of a year with the given ones. */
export async function replaceCalendarYearDays(
  trx: Db,
  year: number,
  days: readonly { date: string; kind: "holiday" | "makeup"; name: string }[],
): Promise<void> {
  await trx
    .deleteFrom("calendar_day")
    .where("date", ">=", `${year}-01-01`)
    .where("date", "<=", `${year}-12-31`)
    .execute();
  if (days.length > 0)
    await trx
      .insertInto("calendar_day")
      .values([...days])
      .execute();
}

export async function saveCalendarYearConfirmation(trx: Db, row: TCalendarYearRow): Promise<void> {
  const values = {
    source: row.source,
    confirmed_by_user_id: row.confirmedByUserId,
    confirmed_by_name: row.confirmedByName,
    confirmed_at: row.confirmedAt,
  };
  await trx
    .insertInto("calendar_year")
    .values({ year: row.year, ...values })
    .onDuplicateKeyUpdate(values)
    .execute();
}

export interface TWorkOrderDues {
  id: number;
  createdAt: Date;
  contactDue: string;
  rectifyDue: string;
  /** the call-back is made: the contact deadline is history */
  contacted: boolean;
  /** the rectification is done: the rectification deadline, and its on-time verdict, are history */
  rectified: boolean;
}

/**
 * Open work orders of every hall opened before `openedBefore` with a deadline still running on or
 * after `dueFrom`. A closed order, and a deadline already met, are history: a newly confirmed
 * calendar must not move them (nor the on-time verdicts resting on them).
 */
export async function listWorkOrderDuesFrom(db: Db, dueFrom: string, openedBefore: Date): Promise<TWorkOrderDues[]> {
  const rows = await db
    .selectFrom("work_order")
    .select([
      "id",
      "created_at as createdAt",
      "contact_due as contactDue",
      "rectify_due as rectifyDue",
      "contacted_at as contactedAt",
      "rectified_at as rectifiedAt",
    ])
    .where("state", "<>", "closed")
    .where("created_at", "<", openedBefore)
    .where((eb) =>
      eb.or([
        eb.and([eb("contacted_at", "is", null), eb("contact_due", ">=", dueFrom)]),
        eb.and([eb("rectified_at", "is", null), eb("rectify_due", ">=", dueFrom)]),
      ]),
    )
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.map(({ contactedAt, rectifiedAt, ...row }) => ({
    ...row,
    contacted: contactedAt !== null,
    rectified: rectifiedAt !== null,
  }));
}

export async function setWorkOrderDues(
  trx: Db,
  id: number,
  dues: { contactDue: string; rectifyDue: string },
): Promise<void> {
  await trx
    .updateTable("work_order")
    .set({ contact_due: dues.contactDue, rectify_due: dues.rectifyDue })
    .where("id", "=", id)
    .execute();
}

/** A hall's own extra service days (延时/预约/节假日服务) within a date range, by date. */
export async function listHallServiceDays(
  db: Db,
  hallId: number,
  from: string,
  to: string,
): Promise<{ date: string; note: string }[]> {
  return db
    .selectFrom("hall_service_day")
    .select(["date", "note"])
    .where("hall_id", "=", hallId)
    .where("date", ">=", from)
    .where("date", "<=", to)
    .orderBy("date")
    .execute();
}

/** Sets (or with `note === null` removes) a hall's service day and returns what it was, read under lock. */
export async function saveHallServiceDay(
  trx: Db,
  hallId: number,
  date: string,
  note: string | null,
): Promise<{ note: string } | null> {
  const before = await trx
    .selectFrom("hall_service_day")
    .select("note")
    .where("hall_id", "=", hallId)
    .where("date", "=", date)
    .forUpdate()
    .executeTakeFirst();
  if (note === null) {
    await trx.deleteFrom("hall_service_day").where("hall_id", "=", hallId).where("date", "=", date).execute();
  } else {
    await trx
      .insertInto("hall_service_day")
      .values({ hall_id: hallId, date, note })
      .onDuplicateKeyUpdate({ note })
      .execute();
  }
  return before ?? null;
}

/** Marks a date as holiday or make-up day (or with `day === null` back to the Monday–Friday rule); returns what it was, read under lock. */
export async function saveCalendarDay(
  trx: Db,
  date: string,
  day: { kind: "holiday" | "makeup"; name: string } | null,
): Promise<{ kind: "holiday" | "makeup"; name: string } | null> {
  const before = await trx
    .selectFrom("calendar_day")
    .select(["kind", "name"])
    .where("date", "=", date)
    .forUpdate()
    .executeTakeFirst();
  if (day === null) {
    await trx.deleteFrom("calendar_day").where("date", "=", date).execute();
  } else {
    await trx
      .insertInto("calendar_day")
      .values({ date, kind: day.kind, name: day.name })
      .onDuplicateKeyUpdate({ kind: day.kind, name: day.name })
      .execute();
  }
  return before ?? null;
}
