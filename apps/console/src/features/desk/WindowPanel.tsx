import { Empty, InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import type { TWindowRow } from "../../lib/api-types";
import { deskStrings } from "./strings";

export interface WindowPanelProps {
  windows: readonly TWindowRow[];
  /** the window the signed-in staff member is at (`window.mine`), or null */
  currentWindowId: number | null;
  onSignIn: (windowId: number) => void;
  onSignOut: () => void;
  /** the window a 上岗 request is in flight for */
  signingInWindowId: number | null;
  signInError: { windowId: number; message: string } | null;
  signingOut: boolean;
  signOutError: string | null;
}

function byCode(a: TWindowRow, b: TWindowRow): number {
  return a.code.localeCompare(b.code, "zh-CN", { numeric: true });
}

/** 我的窗口: where the staff member is signed in (亮牌), and every window to sign in at. */
export function WindowPanel(props: WindowPanelProps) {
  const t = deskStrings;
  const current = props.windows.find((window) => window.id === props.currentWindowId) ?? null;
  const windows = [...props.windows].sort(byCode);

  return (
    <>
      <div className={current ? "current-window" : "current-window is-empty"} aria-live="polite">
        {props.currentWindowId === null ? (
          <p>{t.notAtWindow}</p>
        ) : (
          <>
            <p>
              <span className="current-window-label">{t.currentWindow}</span>
              <strong className="current-window-name">
                {current ? `${current.code} ${current.name}` : String(props.currentWindowId)}
              </strong>
            </p>
            <div className="action-cell">
              <button type="button" className="btn btn-secondary" onClick={props.onSignOut} disabled={props.signingOut}>
                {props.signingOut ? t.signingOutWindow : t.signOutWindow}
              </button>
              <InlineError message={props.signOutError} />
            </div>
          </>
        )}
      </div>

      <h3 id="window-list-heading">{t.windowList}</h3>
      {windows.length === 0 ? (
        <Empty />
      ) : (
        // 19 windows: scroll inside the panel so 受理办件 stays near the top of the page.
        <Table
          scroll="short"
          regionLabelledBy="window-list-heading"
          aria-labelledby="window-list-heading"
          columns={[t.windowCode, t.windowName, t.windowKind, t.onDuty, t.actions]}
        >
          {windows.map((window) => {
            const isMine = window.id === props.currentWindowId;
            const pending = props.signingInWindowId === window.id;
            const error = props.signInError?.windowId === window.id ? props.signInError.message : null;
            return (
              <tr
                key={window.id}
                data-testid="desk-window-row"
                data-window-code={window.code}
                className={isMine ? "is-current" : undefined}
              >
                <td className="nowrap">{window.code}</td>
                <td id={`desk-window-${window.id}`}>{window.name}</td>
                <td className="nowrap">{t.kinds[window.kind]}</td>
                <td>
                  {window.staff ? (
                    <>
                      {window.staff.name}
                      <span className="muted small">（{t.badge(window.staff.badgeNo)}）</span>
                    </>
                  ) : (
                    <span className="muted">{t.nobody}</span>
                  )}
                </td>
                <td className="action-cell">
                  {isMine ? (
                    <span className="tag tag-success">{t.youAreHere}</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-primary btn-small"
                      onClick={() => props.onSignIn(window.id)}
                      disabled={props.signingInWindowId !== null}
                      aria-describedby={`desk-window-${window.id}`}
                    >
                      {pending ? t.signingIn : t.signInHere}
                    </button>
                  )}
                  <InlineError message={error} />
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </>
  );
}
