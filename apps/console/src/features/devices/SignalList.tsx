import type { RouterOutputs } from "@hcp/api";
import { hallDateTimeText } from "@hcp/domain";

import { Table } from "../../components/Table";
import { strings } from "../../lib/strings";
import { deviceStrings } from "./strings";

export type TSignalRow = RouterOutputs["signal"]["list"][number];

/** Misuse signals: flagged for a person to look at; the ratings themselves stand. */
export function SignalList(props: {
  signals: readonly TSignalRow[];
  canReview: boolean;
  reviewingId: number | null;
  onReview: (id: number) => void;
}) {
  const t = deviceStrings;
  if (props.signals.length === 0) return <p className="muted">{t.noSignals}</p>;
  return (
    <Table columns={[t.signalTime, t.signalKind, t.window, t.caseNo, t.signalDetail, t.actions]}>
      {props.signals.map((signal) => (
        <tr key={signal.id} data-testid="signal-row">
          <td>{hallDateTimeText(new Date(signal.createdAt))}</td>
          <td>{signal.label}</td>
          <td>{signal.windowCode ?? strings.app.dash}</td>
          <td>{signal.caseNo ?? strings.app.dash}</td>
          <td>{signal.detail || strings.app.dash}</td>
          <td>
            {signal.reviewed ? (
              <span className="muted">{t.reviewed}</span>
            ) : props.canReview ? (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                disabled={props.reviewingId === signal.id}
                onClick={() => props.onReview(signal.id)}
              >
                {t.markReviewed}
              </button>
            ) : (
              <span className="muted">{t.unreviewed}</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}
