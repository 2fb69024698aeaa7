import { fill, LOCALE, STRINGS } from "../../lib/strings";
import { usePreference } from "./preferences";
import { kioskVoice } from "./voice";

export interface TFrameStatus {
  /** the live feed is down (shown as a small badge, with ratings waiting to be sent) */
  offline?: boolean;
  pending?: number;
  dimmed?: boolean;
}

function Toggle(props: { label: string; pressed: boolean; onChange: (next: boolean) => void }) {
  return (
    <button
      type="button"
      className="kiosk-toggle"
      aria-pressed={props.pressed}
      onClick={() => props.onChange(!props.pressed)}
    >
      {props.label}
    </button>
  );
}

function StatusBadge(props: { offline: boolean; pending: number }) {
  let text: string | null = null;
  if (props.offline)
    text = props.pending > 0 ? fill(STRINGS.offlinePending, { count: props.pending }) : STRINGS.offline;
  else if (props.pending > 0) text = fill(STRINGS.pendingUpload, { count: props.pending });
  return (
    <span className="kiosk-status" role="status" data-testid="kiosk-status">
      {text ? <span className={props.offline ? "kiosk-badge kiosk-badge-offline" : "kiosk-badge"}>{text}</span> : null}
    </span>
  );
}

/**
 * The evaluator's frame on every screen: title, window, connection badge, and the 大字 and 静音
 * switches (kiosk.md A4), which the tablet remembers.
 */
export function KioskFrame(props: { title?: string; status?: TFrameStatus; children: React.ReactNode }) {
  const [largeText, setLargeText] = usePreference("largeText");
  const [muted, setMuted] = usePreference("muted");
  const classes = ["kiosk", largeText ? "kiosk-large" : "", props.status?.dimmed ? "kiosk-dimmed" : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={classes} lang={LOCALE.lang} dir={LOCALE.dir} data-testid="kiosk">
      <header className="kiosk-header">
        <span className="kiosk-title">{STRINGS.kioskTitle}</span>
        {props.title ? <span className="kiosk-window">{props.title}</span> : null}
        <StatusBadge offline={props.status?.offline ?? false} pending={props.status?.pending ?? 0} />
        <span className="kiosk-tools">
          <Toggle label={STRINGS.largeText} pressed={largeText} onChange={setLargeText} />
          <Toggle
            label={STRINGS.mute}
            pressed={muted}
            onChange={(next) => {
              setMuted(next);
              if (next) kioskVoice.stop();
            }}
          />
        </span>
      </header>
      <main className="kiosk-main">{props.children}</main>
    </div>
  );
}
