import { holidaySummary, shortDate, type TCalendarException } from "./calendar-model";
import { calendarStrings } from "./strings";

/** The year's notice in words: each holiday's days off and make-up working days, for reading at a glance. */
export function HolidaySummary({ exceptions }: { exceptions: readonly TCalendarException[] }) {
  const t = calendarStrings;
  const summaries = holidaySummary(exceptions);
  if (summaries.length === 0) return <p className="muted">{t.noExceptions}</p>;
  return (
    <dl className="facts cal-summary">
      {summaries.map((summary) => (
        <div key={summary.name}>
          <dt>{summary.name || t.unnamed}</dt>
          <dd>
            {summary.holidays.length > 0 ? (
              <span>
                {t.summaryHolidays}{" "}
                {summary.holidays
                  .map((range) => t.rangeDays(shortDate(range.from), shortDate(range.to), range.days))
                  .join(t.listSeparator)}
              </span>
            ) : null}
            {summary.holidays.length > 0 && summary.makeupDays.length > 0 ? <span>；</span> : null}
            {summary.makeupDays.length > 0 ? (
              <span>
                {t.summaryMakeup} {summary.makeupDays.map(shortDate).join(t.listSeparator)}
              </span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
