import type { TScorePart } from "@hcp/domain";

import { TableHead } from "../../components/Table";
import { performanceStrings } from "./strings";

const t = performanceStrings.breakdown;

function weightText(part: TScorePart): string {
  return part.basis === "missing" ? t.spreadAway(part.weight) : t.spread(part.weight, part.effectiveWeight);
}

/** A composite score's parts: each component's value, weight (after re-spreading) and points. */
function ScoreBreakdownTable({ parts }: { parts: readonly TScorePart[] }) {
  return (
    <table className="score-breakdown">
      <caption>{t.caption}</caption>
      <TableHead columns={[t.component, ...[t.value, t.weight, t.points].map((label) => ({ label, numeric: true }))]} />
      <tbody>
        {parts.map((part) => (
          <tr key={part.key} data-testid="score-part">
            <th scope="row">{part.label}</th>
            <td className="num">{part.basis === "missing" ? t.missing(part.value) : part.value}</td>
            <td className="num">{weightText(part)}</td>
            <td className="num">{part.points}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The score with its parts one click away; nothing to open for an unranked row. */
export function ScoreWithBreakdown({ score, parts }: { score: string; parts: readonly TScorePart[] }) {
  if (parts.length === 0) return <>{score}</>;
  return (
    <details className="score-details">
      <summary>
        <span className="score-value">{score}</span> <span className="score-details-label">{t.summary}</span>
      </summary>
      <ScoreBreakdownTable parts={parts} />
      <p className="muted small">{t.note}</p>
    </details>
  );
}
