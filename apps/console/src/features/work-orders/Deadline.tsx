import { strings } from "../../lib/strings";
import type { TDeadlineKind } from "./deadline";
import { workingDaysLeft } from "./deadline";

export interface DeadlineProps {
  kind: TDeadlineKind | null;
  due: string | null;
  /** the server's judgement; the count of days left is only a guide */
  overdue: boolean;
  /** 0 none, 1 raised to the department head, 2 to the hall manager */
  escalation: number;
  /** hall-local today */
  today: string;
}

/** The deadline that matters now, days left or 已超期, and how far an overdue order has climbed. */
export function Deadline({ kind, due, overdue, escalation, today }: DeadlineProps) {
  const t = strings.workOrders;
  const escalated = t.escalation[escalation];
  return (
    <div className="deadline">
      {kind && due ? (
        <span className="nowrap">
          {kind === "contact" ? t.contactDeadline : t.rectifyDeadline} {due}
        </span>
      ) : (
        <span>{t.noDeadline}</span>
      )}
      {overdue ? (
        <span className="tag tag-danger" data-testid="overdue-flag">
          {t.overdue}
        </span>
      ) : kind && due ? (
        <span className="muted small nowrap">{workingDaysLeft(today, due) === 0 ? t.dueToday : t.daysLeft(workingDaysLeft(today, due))}</span>
      ) : null}
      {escalated ? (
        <span className="tag tag-warning" data-testid="escalation">
          {escalated}
        </span>
      ) : null}
    </div>
  );
}
