import { dayKind } from "@hcp/domain";

import { strings } from "../../lib/strings";
import type { TCalendarException, TServiceDay } from "./calendar-model";

export interface ServiceDayListProps {
  serviceDays: readonly TServiceDay[];
  exceptions: readonly TCalendarException[];
}

/** The hall's service days of the year, with what kind of day each falls on. */
export function ServiceDayList({ serviceDays, exceptions }: ServiceDayListProps) {
  const t = strings.calendar;
  if (serviceDays.length === 0) return <p className="muted">{t.noServiceDays}</p>;
  const exceptionMap = new Map(exceptions.map((exception) => [exception.date, exception]));
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="sr-only">{t.serviceList}</caption>
        <thead>
          <tr>
            <th scope="col">{t.serviceDate}</th>
            <th scope="col">{t.serviceKind}</th>
            <th scope="col">{t.note}</th>
          </tr>
        </thead>
        <tbody>
          {serviceDays.map((serviceDay) => {
            const name = exceptionMap.get(serviceDay.date)?.name;
            return (
              <tr key={serviceDay.date} data-date={serviceDay.date}>
                <th scope="row" className="nowrap">
                  {serviceDay.date}
                </th>
                <td>
                  {t.kinds[dayKind(serviceDay.date, exceptionMap)]}
                  {name ? `（${name}）` : null}
                </td>
                <td>{serviceDay.note || strings.app.dash}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
