import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { hallDateTimeText } from "@hcp/domain";

import { Field } from "../../components/Field";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { errorMessage } from "../../lib/errors";
import { formatCount } from "../../lib/format";
import { hallToday } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { CALENDAR_YEARS, defaultCalendarYear } from "./calendar-model";
import type { TCalendarSearch } from "./calendar-search";
import { CalendarDayForm } from "./CalendarDayForm";
import { HolidayScheduleForm } from "./HolidayScheduleForm";
import { HolidaySummary } from "./HolidaySummary";
import { ServiceDayForm } from "./ServiceDayForm";
import { ServiceDayList } from "./ServiceDayList";
import { calendarStrings } from "./strings";
import { CalendarLegend, YearCalendar } from "./YearCalendar";

export interface CalendarPageProps {
  search: TCalendarSearch;
  onYearChange: (year: number) => void;
}

/**
 * 工作日历 (admin, hall manager, auditor): the year's working days, statutory holidays and 调休
 * make-up days. Admins edit the national calendar; admins and hall managers their hall's service days.
 */
export function CalendarPage({ search, onYearChange }: CalendarPageProps) {
  const t = calendarStrings;
  const queryClient = useQueryClient();
  const today = hallToday();
  const year = search.year ?? defaultCalendarYear(today);
  const canEditNational = useMayCall("calendar.setDay");
  const canConfirmSchedule = useMayCall("calendar.confirmSchedule");
  const canEditServiceDays = useMayCall("calendar.setServiceDay");

  const calendar = useQuery(trpc.calendar.year.queryOptions({ year }, { placeholderData: keepPreviousData }));
  // Deadlines and daily averages read the calendar too; every calendar query is refetched.
  const invalidateCalendar = () => queryClient.invalidateQueries(trpc.calendar.pathFilter());
  const setDay = useMutation(trpc.calendar.setDay.mutationOptions({ onSuccess: invalidateCalendar }));
  const confirmSchedule = useMutation(
    trpc.calendar.confirmSchedule.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const setServiceDay = useMutation(trpc.calendar.setServiceDay.mutationOptions({ onSuccess: invalidateCalendar }));
  const stale = calendar.data !== undefined && calendar.data.year !== year;

  return (
    <>
      <PageHeading title={t.title} />
      <section className="panel" aria-labelledby="cal-year-heading">
        <h2 id="cal-year-heading" className="sr-only">
          {t.yearSection}
        </h2>
        <div className="cal-toolbar">
          <Field className="cal-year-field" id="cal-year" label={t.year}>
            {(control) => (
              <select {...control} value={year} onChange={(event) => onYearChange(Number(event.target.value))}>
                {CALENDAR_YEARS.map((option) => (
                  <option key={option} value={option}>
                    {t.yearOption(option)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {calendar.data && !stale ? (
            <p className="cal-count" data-testid="calendar-working-days">
              {t.workingDays(calendar.data.year, formatCount(calendar.data.workingDays))}
            </p>
          ) : null}
        </div>
        {calendar.data && !stale ? (
          calendar.data.confirmation ? (
            <p className="muted small" data-testid="calendar-confirmation">
              {t.confirmedBy(
                calendar.data.year,
                calendar.data.confirmation.confirmedBy,
                hallDateTimeText(new Date(calendar.data.confirmation.confirmedAt)),
              )}
            </p>
          ) : (
            <p className="notice notice-warning" data-testid="calendar-confirmation">
              {t.unconfirmed(calendar.data.year)}
            </p>
          )
        ) : null}
        <p className="muted small">{t.intro}</p>
        <p className="muted small">
          {canEditNational ? t.scopeAdmin : canEditServiceDays ? t.scopeManager : t.scopeReader}
        </p>
      </section>

      <section className="panel" aria-labelledby="cal-grid-heading" aria-busy={stale || undefined}>
        <h2 id="cal-grid-heading">{t.calendarSection(year)}</h2>
        <QueryView query={calendar}>
          {(data) => (
            <div className={stale ? "is-refreshing" : undefined}>
              <CalendarLegend />
              <YearCalendar
                year={data.year}
                exceptions={data.exceptions}
                serviceDays={data.serviceDays}
                today={today}
              />
              <h3>{t.summarySection}</h3>
              <HolidaySummary exceptions={data.exceptions} />
            </div>
          )}
        </QueryView>
      </section>

      {canConfirmSchedule && calendar.data && !stale ? (
        <section className="panel" aria-labelledby="cal-schedule-heading">
          <h2 id="cal-schedule-heading">{t.scheduleSection(year)}</h2>
          <p className="muted small">{t.scheduleHelp}</p>
          <HolidayScheduleForm
            key={year}
            year={year}
            initial={calendar.data.schedule}
            pending={confirmSchedule.isPending}
            error={confirmSchedule.isError ? errorMessage(confirmSchedule.error) : null}
            saved={
              confirmSchedule.data?.year === year
                ? t.scheduleConfirmed(year, confirmSchedule.data.movedWorkOrders.length)
                : null
            }
            onSubmit={(schedule, source) => confirmSchedule.mutate({ schedule, source })}
          />
        </section>
      ) : null}

      {canEditNational ? (
        <section className="panel" aria-labelledby="cal-day-heading">
          <h2 id="cal-day-heading">{t.dayFormSection}</h2>
          <p className="muted small">{t.dayFormHelp}</p>
          <CalendarDayForm
            pending={setDay.isPending}
            error={setDay.isError ? errorMessage(setDay.error) : null}
            saved={setDay.isSuccess ? t.daySaved(setDay.variables.date, t.dayKinds[setDay.variables.kind]) : null}
            onSubmit={(day) => setDay.mutate(day)}
          />
        </section>
      ) : null}

      <section className="panel" aria-labelledby="cal-service-heading">
        <h2 id="cal-service-heading">{t.serviceSection}</h2>
        <p className="muted small">{t.serviceHelp}</p>
        {calendar.data && !stale ? (
          <>
            <h3>{t.serviceList}</h3>
            <ServiceDayList serviceDays={calendar.data.serviceDays} exceptions={calendar.data.exceptions} />
          </>
        ) : null}
        {canEditServiceDays ? (
          <ServiceDayForm
            pending={setServiceDay.isPending}
            error={setServiceDay.isError ? errorMessage(setServiceDay.error) : null}
            saved={
              setServiceDay.isSuccess
                ? setServiceDay.variables.remove
                  ? t.serviceRemoved(setServiceDay.variables.date)
                  : t.serviceSaved(setServiceDay.variables.date)
                : null
            }
            onSubmit={(serviceDay) => setServiceDay.mutate(serviceDay)}
          />
        ) : null}
      </section>
    </>
  );
}
