import { Table } from "../../components/Table";
import type { TMetrics, TWindowPerformance } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";
import { overviewStrings } from "./strings";

function MetricCells({ metrics }: { metrics: TMetrics }) {
  return (
    <>
      <td className="num">{formatCount(metrics.casesCompleted)}</td>
      <td className="num">{formatCount(metrics.ratings)}</td>
      <td className="num">{metrics.ratedRate.text}</td>
      <td className="num">{metrics.goodRate.text}</td>
      <td className="num">{formatCount(metrics.badRatings)}</td>
    </>
  );
}

const METRIC_COLUMNS = ["cases", "ratings", "ratedRate", "goodRate", "badRatings"] as const;

/** 窗口绩效, by window code, then the cases handled outside any window (online, self-service, post). */
export function WindowTable({ windows, offWindow }: { windows: readonly TWindowPerformance[]; offWindow: TMetrics }) {
  const t = overviewStrings;
  const rows = [...windows].sort((a, b) => a.window.code.localeCompare(b.window.code, "zh-CN", { numeric: true }));
  return (
    <Table
      aria-labelledby="windows-heading"
      columns={[
        t.windowCode,
        t.windowName,
        t.staffOnDuty,
        ...METRIC_COLUMNS.map((key) => ({ label: t[key], numeric: true })),
      ]}
      apart={{
        className: "off-window",
        rows: (
          <tr data-testid="off-window-row">
            <td>{strings.app.dash}</td>
            <th scope="row">{t.offWindow}</th>
            <td>{strings.app.dash}</td>
            <MetricCells metrics={offWindow} />
          </tr>
        ),
      }}
    >
      {rows.map((row) => (
        <tr key={row.window.id} data-testid="window-row" data-window-code={row.window.code}>
          <td className="nowrap">{row.window.code}</td>
          <th scope="row">{row.window.name}</th>
          <td className="nowrap">{row.staffName ?? <span className="muted">{t.nobody}</span>}</td>
          <MetricCells metrics={row.metrics} />
        </tr>
      ))}
    </Table>
  );
}
