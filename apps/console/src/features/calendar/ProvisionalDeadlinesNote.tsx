import { ProvisionalMark } from "./ProvisionalMark";
import { calendarStrings } from "./strings";

export interface TDeadlinesProvisional {
  onTimeCompletion: boolean;
  workOrders: boolean;
}

/**
 * Beside a period's 按时办结率 / 按时整改率 columns: which of them were judged against deadlines
 * counted on a year whose holiday schedule is not confirmed yet.
 */
export function ProvisionalDeadlinesNote({ deadlines }: { deadlines: TDeadlinesProvisional | undefined }) {
  const figures = [
    deadlines?.onTimeCompletion ? calendarStrings.onTimeCompletion : "",
    deadlines?.workOrders ? calendarStrings.workOrderOnTime : "",
  ].filter(Boolean);
  if (figures.length === 0) return null;
  return (
    <p className="muted small" data-testid="provisional-deadlines">
      <ProvisionalMark provisional /> {calendarStrings.provisionalDeadlines(figures.join("、"))}
    </p>
  );
}
