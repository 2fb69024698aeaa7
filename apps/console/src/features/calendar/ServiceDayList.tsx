import { dayKind } from "@hcp/domain";

import { Table } from "../../components/Table";
import { strings } from "../../lib/strings";
import type { TCalendarException, TServiceDay } from "./calendar-model";
import { calendarStrings } from "./strings";

export interface ServiceDayListProps {
  serviceDays: readonly TServiceDay[];
  exceptions: readonly TCalendarException[];
}

/** The hall's service days of the year, with what kind of day each falls on. */
export function ServiceDayList({ serviceDays, exceptions }: ServiceDayListProps) {
  const t = calendarStrings;
  if (serviceDays.length === 0) return <p className="muted">{t.noServiceDays}</p>;
  const exceptionMap = new Map(exceptions.map((exception) => [exception.date, exception]));
  return (
    <Table caption={t.serviceList} columns={[t.serviceDate, t.serviceKind, t.note]}>
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
    </Table>
  );
}
