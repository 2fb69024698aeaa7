import { useMemo } from "react";

import { buildYear, dayLabel, type TCalendarDay, type TCalendarException, type TServiceDay } from "./calendar-model";
import { calendarStrings } from "./strings";

export interface YearCalendarProps {
  year: number;
  exceptions: readonly TCalendarException[];
  serviceDays: readonly TServiceDay[];
  /** hall-local today, marked in the grid */
  today?: string;
}

function mark(day: TCalendarDay): string | null {
  const t = calendarStrings;
  if (day.kind === "holiday") return t.marks.holiday;
  if (day.kind === "makeup") return t.marks.makeup;
  return null;
}

function DayCell({ day, today }: { day: TCalendarDay | null; today?: string }) {
  if (!day) return <td className="cal-day is-empty" />;
  const t = calendarStrings;
  const isToday = day.date === today;
  const kindMark = mark(day);
  const className = [
    "cal-day",
    `is-${day.kind}`,
    day.serviceNote !== null ? "has-service" : "",
    isToday ? "is-today" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <td className={className} data-date={day.date} data-kind={day.kind} aria-current={isToday ? "date" : undefined}>
      {/* The cell's accessible name is the full sentence; the number and marks are for the eye. */}
      <span className="sr-only">{dayLabel(day)}</span>
      <span className="cal-day-number" aria-hidden="true">
        {day.day}
      </span>
      {kindMark || day.serviceNote !== null ? (
        <span className="cal-marks" aria-hidden="true">
          {kindMark ? <span className={`cal-mark cal-mark-${day.kind}`}>{kindMark}</span> : null}
          {day.serviceNote !== null ? <span className="cal-mark cal-mark-service">{t.marks.service}</span> : null}
        </span>
      ) : null}
    </td>
  );
}

/** The legend: every state is told apart by a mark or a column as well as by its colour. */
export function CalendarLegend() {
  const t = calendarStrings;
  const items = [
    { key: "workday", className: "is-workday", sample: "", label: t.kinds.workday, note: t.legendNotes.workday },
    { key: "weekend", className: "is-weekend", sample: "", label: t.kinds.weekend, note: t.legendNotes.weekend },
    {
      key: "holiday",
      className: "is-holiday",
      sample: t.marks.holiday,
      label: t.kinds.holiday,
      note: t.legendNotes.holiday,
    },
    {
      key: "makeup",
      className: "is-makeup",
      sample: t.marks.makeup,
      label: t.kinds.makeup,
      note: t.legendNotes.makeup,
    },
    {
      key: "service",
      className: "is-workday has-service",
      sample: t.marks.service,
      label: t.serviceDay,
      note: t.legendNotes.service,
    },
  ];
  return (
    <div className="cal-legend">
      <span id="cal-legend-title" className="cal-legend-title">
        {t.legend}
      </span>
      <ul aria-labelledby="cal-legend-title">
        {items.map((item) => (
          <li key={item.key}>
            <span className={`cal-legend-swatch cal-day ${item.className}`} aria-hidden="true">
              {item.sample ? <span className={`cal-mark cal-mark-${item.key}`}>{item.sample}</span> : null}
            </span>
            <span>
              <strong>{item.label}</strong> <span className="muted small">{item.note}</span>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Twelve month tables of one year, each day telling whether the hall works on it and why. */
export function YearCalendar({ year, exceptions, serviceDays, today }: YearCalendarProps) {
  const t = calendarStrings;
  const months = useMemo(() => buildYear(year, exceptions, serviceDays), [year, exceptions, serviceDays]);
  return (
    <div className="cal-year">
      {months.map((month) => (
        <table key={month.month} className="cal-month" data-month={month.month}>
          <caption>
            <span className="sr-only">{t.yearPrefix(year)}</span>
            {t.monthCaption(month.month)}
          </caption>
          <thead>
            <tr>
              {t.weekdays.map((weekday, index) => (
                <th key={weekday} scope="col" className={index >= 5 ? "is-weekend-column" : undefined}>
                  <span aria-hidden="true">{weekday}</span>
                  <span className="sr-only">{t.weekdayNames[index]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {month.weeks.map((week, index) => (
              <tr key={index}>
                {week.map((day, column) => (
                  <DayCell key={day?.date ?? `pad-${column}`} day={day} today={today} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
