import { PROVISIONAL_CALENDAR_LABEL } from "@hcp/domain";

import { calendarStrings } from "./strings";

/**
 * "暂按周末计算" beside a deadline or a working-day figure counted on a year whose holiday schedule
 * is not confirmed yet; it goes away, and the figure is recounted, once the schedule is confirmed.
 */
export function ProvisionalMark({ provisional }: { provisional: boolean | undefined }) {
  if (!provisional) return null;
  return (
    <span className="tag tag-warning nowrap" title={calendarStrings.provisionalHint} data-testid="provisional-calendar">
      {PROVISIONAL_CALENDAR_LABEL}
    </span>
  );
}
