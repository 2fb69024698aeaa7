import { STRINGS } from "../../lib/strings";
import type { TKioskState } from "./kiosk-state";

/** 亮牌: who serves at this window, or that nobody does right now. */
export function IdleScreen(props: { staff: TKioskState["staff"]; windowName: string }) {
  if (!props.staff) {
    return (
      <div className="kiosk-message" data-testid="kiosk-idle">
        <h1>{STRINGS.paused}</h1>
        <p>{STRINGS.pausedHelp}</p>
      </div>
    );
  }
  return (
    <section className="staff-card" data-testid="kiosk-idle" aria-label={STRINGS.welcome}>
      <img src={props.staff.photoUrl} alt={props.staff.name} />
      <div>
        <p className="staff-name">{props.staff.name}</p>
        <dl>
          <dt>{STRINGS.badge}</dt>
          <dd data-testid="staff-badge">{props.staff.badgeNo}</dd>
          <dt>{STRINGS.window}</dt>
          <dd>{props.windowName}</dd>
          <dt>{STRINGS.department}</dt>
          <dd>{props.staff.departmentName}</dd>
        </dl>
      </div>
    </section>
  );
}
