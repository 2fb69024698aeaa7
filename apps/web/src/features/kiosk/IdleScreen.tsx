import { fill, STRINGS } from "../../lib/strings";
import type { TKioskState } from "./kiosk-state";

/**
 * 亮牌: who serves at this window, or that nobody does right now — 非办公时间 with the hall's hours
 * when the hall is closed, else 暂停服务. `offset` is the current burn-in drift step (see idle-care.ts).
 */
export function IdleScreen(props: {
  staff: TKioskState["staff"];
  windowName: string;
  offset: { x: number; y: number };
  /** outside the hall's opening hours, and those hours in words */
  closed: { hours: string } | null;
}) {
  const style = { "--drift-x": `${props.offset.x}px`, "--drift-y": `${props.offset.y}px` } as React.CSSProperties;
  if (!props.staff && props.closed) {
    return (
      <div className="kiosk-message idle-drift" style={style} data-testid="kiosk-idle" data-closed="true">
        <h1>{STRINGS.closedHours}</h1>
        <p>{fill(STRINGS.closedHoursHelp, { hours: props.closed.hours })}</p>
      </div>
    );
  }
  if (!props.staff) {
    return (
      <div className="kiosk-message idle-drift" style={style} data-testid="kiosk-idle">
        <h1>{STRINGS.paused}</h1>
        <p>{STRINGS.pausedHelp}</p>
      </div>
    );
  }
  return (
    <section className="staff-card idle-drift" style={style} data-testid="kiosk-idle" aria-labelledby="staff-name">
      <img src={props.staff.photoUrl} alt={props.staff.name} />
      <div>
        <h1 className="staff-name" id="staff-name">
          {props.staff.name}
        </h1>
        <dl>
          <dt>{STRINGS.badge}</dt>
          <dd data-testid="staff-badge">{props.staff.badgeNo}</dd>
          <dt>{STRINGS.window}</dt>
          <dd>{props.windowName}</dd>
          <dt>{STRINGS.department}</dt>
          <dd>{props.staff.departmentName}</dd>
        </dl>
        {props.staff.certificateExpired ? (
          <p className="staff-certificate-expired" data-testid="staff-certificate-expired">
            {STRINGS.certificateExpired}
          </p>
        ) : null}
        <p className="staff-hint">{STRINGS.rateAfterService}</p>
      </div>
    </section>
  );
}
