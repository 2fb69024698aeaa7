import { strings } from "../../lib/strings";
import { ProvisionalMark } from "./ProvisionalMark";

export interface TDeadlinesProvisional {
  onTimeCompletion: boolean;
  workOrders: boolean;
}

/**
 * Beside a period's 按时办结率 / 按时整改率 columns: which of them were judged against deadlines
 * counted on a year whose holiday schedule is not confirmed yet.
 */
export function ProvisionalDeadlinesNote({ deadlines }: { deadlines: TDeadlinesProvisional | undefined }) {
  const figures = [deadlines?.onTimeCompletion ? strings.calendar.onTimeCompletion : "", deadlines?.workOrders ? strings.calendar.workOrderOnTime : ""].filter(Boolean);
  if (figures.length === 0) return null;
  return (
    <p className="muted small" data-testid="provisional-deadlines">
      <ProvisionalMark provisional /> {strings.calendar.provisionalDeadlines(figures.join("、"))}
    </p>
  );
}
