import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { workOrderStrings } from "./strings";

export interface DeadlineProps {
  kind: "contact" | "rectify" | null;
  due: string | null;
  /** working days left on the hall's own calendar, counted by the server; negative when overdue */
  daysLeft: number | null;
  overdue: boolean;
  /** 0 none, 1 raised to the department head, 2 to the hall manager */
  escalation: number;
  /** counted on a year without a confirmed holiday schedule */
  provisional?: boolean;
}

/** The deadline that matters now, days left or 已超期, and how far an overdue order has climbed. */
export function Deadline({ kind, due, daysLeft, overdue, escalation, provisional }: DeadlineProps) {
  const t = workOrderStrings;
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
      ) : kind && due && daysLeft !== null ? (
        <span className="muted small nowrap">{daysLeft === 0 ? t.dueToday : t.daysLeft(daysLeft)}</span>
      ) : null}
      <ProvisionalMark provisional={provisional} />
      {escalated ? (
        <span className="tag tag-warning" data-testid="escalation">
          {escalated}
        </span>
      ) : null}
    </div>
  );
}
