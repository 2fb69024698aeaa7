import { Migrator } from "kysely";

import {
  exceptionsFromSchedules,
  HOLIDAY_SCHEDULES,
  NATIONAL_REASON_VERSION,
  NATIONAL_REASONS,
  ROLE_KEYS,
  ROLES,
} from "@hcp/domain";

import type { Db } from "./client";
import { migrationProvider } from "./migrations";
import { confirmedCalendarYears, saveCalendarYearConfirmation } from "./repositories/calendar";

/** Who confirmed a year loaded from the notices built into the release. */
export const BUILT_IN_NOTICE = "国务院办公厅通知（随系统内置）";

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error !== undefined || failed) {
    const name = failed ? ` (${failed.migrationName})` : "";
    throw new Error(`database migration failed${name}`, { cause: error });
  }
}

/**
 * Reference data every hall needs — the roles of SPEC §1, the national reason codes (version 1) and the published
 * holiday calendars. Idempotent: rows that exist are left as an administrator may have edited them.
 */
export async function syncReferenceData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("role")
      .values(ROLE_KEYS.map((key) => ({ key, label: ROLES[key] })))
      .ignore()
      .execute();
    await trx
      .insertInto("reason_code_version")
      .values({ version: NATIONAL_REASON_VERSION, name: "全国好差评评价内容（2020 版）", is_current: true })
      .ignore()
      .execute();
    await trx
      .insertInto("reason_code")
      .values(
        NATIONAL_REASONS.map((reason) => ({
          version: NATIONAL_REASON_VERSION,
          code: reason.code,
          level: reason.level,
          label: reason.label,
        })),
      )
      .ignore()
      .execute();
    // A built-in notice is loaded once, with its year confirmed: a year an administrator has
    // confirmed (or corrected since) is theirs, and a restart never puts a removed day back.
    const confirmed = await confirmedCalendarYears(trx);
    const now = new Date();
    for (const schedule of HOLIDAY_SCHEDULES.filter((candidate) => !confirmed.has(candidate.year))) {
      const days = [...exceptionsFromSchedules([schedule])].map(([date, exception]) => ({
        date,
        kind: exception.kind,
        name: exception.name,
      }));
      await trx.insertInto("calendar_day").values(days).ignore().execute();
      await saveCalendarYearConfirmation(trx, {
        year: schedule.year,
        source: "notice",
        confirmedByUserId: null,
        confirmedByName: BUILT_IN_NOTICE,
        confirmedAt: now,
      });
    }
  });
}

/** What the start and test commands run before anything touches the database. */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrateToLatest(db);
  await syncReferenceData(db);
}
