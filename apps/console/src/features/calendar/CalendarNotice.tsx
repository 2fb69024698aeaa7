import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { trpc } from "../../lib/trpc";
import { calendarStrings } from "./strings";

/**
 * Tells an administrator, on every console page, which years still await their holiday schedule
 * (this year, and from 1 November the next): until it is confirmed their deadlines and working
 * days are counted Monday to Friday.
 */
export function CalendarNotice() {
  const t = calendarStrings;
  const status = useQuery(trpc.calendar.status.queryOptions());
  const years = status.data?.awaitingYears ?? [];
  const first = years[0];
  if (first === undefined) return null;
  return (
    <div className="notice notice-warning calendar-notice" role="status" data-testid="calendar-notice">
      <span>{t.awaitingNotice(years.join(t.yearsSeparator))}</span>
      <Link to="/calendar" search={{ year: first }} className="btn btn-secondary btn-small">
        {t.awaitingLink(first)}
      </Link>
    </div>
  );
}
