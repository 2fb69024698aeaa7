import {
  failMonthlyReport,
  findHallById,
  firstCaseMonth,
  listHallIds,
  listMonthlyReportStates,
  readTallies,
  type Hall,
} from "@hcp/db";
import { hallMonth } from "@hcp/domain";

import { generateMonthlyReport, INTERRUPTED_MESSAGE, staleBefore } from "./archive";
import type { TReportDeps } from "./build";
import { addMonths, monthIsFinal, monthPeriod } from "./month";

/**
 * Archives each hall's monthly report once the month is final (closed, and its last cases' rating
 * window too). Safe to run in several server processes at once and after a crash:
 * - every process claims version 1 of a month through the unique key (hall, month, version): one
 *   insert wins, the others skip the month;
 * - a version left 'generating' by a process that died is stale after REPORT_STALE_MINUTES; the one
 *   process whose conditional update marks it failed generates the next version, again claimed
 *   through the unique key;
 * - a month is attempted at most MAX_AUTOMATIC_VERSIONS times, so a report that keeps failing
 *   does not add a version every hour (a person may still regenerate it).
 */

/** How far back a hall's archive is filled in: five years, enough for year-on-year figures. */
const REPORT_CATCH_UP_MONTHS = 60;
/** Reports generated per hall per run, newest month first; older ones follow on the next runs. */
const REPORTS_PER_RUN = 12;
const MAX_AUTOMATIC_VERSIONS = 3;

export interface TSchedulerResult {
  generated: { hallId: number; month: string; version: number; status: string }[];
  /** stale 'generating' versions this process marked failed */
  interrupted: number;
}

/** Months with completed cases, from the first one (at most REPORT_CATCH_UP_MONTHS back) to the last final one. */
async function candidateMonths(deps: TReportDeps, hall: Hall): Promise<string[]> {
  const now = deps.now();
  const first = await firstCaseMonth(deps.db, hall.id);
  if (first === null) return [];
  const last = addMonths(hallMonth(now), -1);
  const earliest = addMonths(last, -(REPORT_CATCH_UP_MONTHS - 1));
  const from = first > earliest ? first : earliest;
  if (from > last) return [];
  const byMonth = await readTallies(deps.db, {
    hallId: hall.id,
    from: monthPeriod(from).from,
    to: monthPeriod(last).to,
    by: "month",
    closedBefore: monthPeriod(last).to,
  });
  const months: string[] = [];
  for (let month = last; month >= from; month = addMonths(month, -1)) {
    const tally = byMonth.get(Number(month.replace("-", "")));
    if (tally && tally.casesCompleted > 0 && monthIsFinal(month, now, hall.rating_window_days)) months.push(month);
  }
  return months;
}

type TVersionState = Awaited<ReturnType<typeof listMonthlyReportStates>>[number];

/**
 * The version this process should generate for a month, or null: none when a version is ready, a
 * live one is generating, the attempts are used up, or another process took over a stale one.
 */
async function versionToClaim(
  deps: TReportDeps,
  versions: TVersionState[],
  result: TSchedulerResult,
): Promise<number | null> {
  if (versions.some((row) => row.status === "ready")) return null;
  const cutoff = staleBefore(deps.now());
  const generating = versions.filter((row) => row.status === "generating");
  if (generating.some((row) => row.createdAt >= cutoff)) return null;
  for (const row of generating) {
    // Only the process whose update matches takes over; the others leave the month to it.
    if (!(await failMonthlyReport(deps.db, row.id, INTERRUPTED_MESSAGE, deps.now(), cutoff))) return null;
    result.interrupted += 1;
  }
  if (versions.length >= MAX_AUTOMATIC_VERSIONS) return null;
  return versions.reduce((max, row) => Math.max(max, row.version), 0) + 1;
}

async function runForHall(deps: TReportDeps, hall: Hall, result: TSchedulerResult): Promise<void> {
  const months = await candidateMonths(deps, hall);
  if (months.length === 0) return;
  const states = await listMonthlyReportStates(deps.db, hall.id, months[months.length - 1] ?? "", months[0] ?? "");
  let generated = 0;
  for (const month of months) {
    if (generated >= REPORTS_PER_RUN) break;
    const version = await versionToClaim(
      deps,
      states.filter((row) => row.month === month),
      result,
    );
    if (version === null) continue;
    const outcome = await generateMonthlyReport(deps, hall.id, month, { version });
    if (!outcome) continue;
    generated += 1;
    result.generated.push({ hallId: hall.id, month, version: outcome.version, status: outcome.status });
  }
}

export async function runReportScheduler(deps: TReportDeps): Promise<TSchedulerResult> {
  const result: TSchedulerResult = { generated: [], interrupted: 0 };
  for (const hallId of await listHallIds(deps.db)) {
    const hall = await findHallById(deps.db, hallId);
    if (hall) await runForHall(deps, hall, result);
  }
  return result;
}
