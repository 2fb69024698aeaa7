import { Empty } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import type { TWorkOrderMetricsRow } from "../../lib/api-types";
import { formatCount } from "../../lib/format";
import { strings } from "../../lib/strings";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import { overviewStrings } from "./strings";

export interface WorkOrderFiguresProps {
  /** the hall's row of `workOrder.metrics` (by 'hall'); null when the period has no work orders */
  hall: TWorkOrderMetricsRow | null;
  /** rows of `workOrder.metrics` by 'department' */
  departments: readonly TWorkOrderMetricsRow[];
  /** department names from the catalogue, by id */
  departmentNames: ReadonlyMap<number, string>;
  /** the period's rectification deadlines were counted on a year without a confirmed schedule */
  provisional?: boolean;
}

type TRateKey = "replyRate" | "contactRectifyRate" | "onTimeRate" | "followUpSatisfaction";

const RATE_KEYS: readonly TRateKey[] = ["replyRate", "contactRectifyRate", "onTimeRate", "followUpSatisfaction"];

/**
 * 差评整改 figures for the period: the four rates as the server wrote them (`text`), open and
 * overdue orders, and the same per department.
 */
export function WorkOrderFigures({ hall, departments, departmentNames, provisional = false }: WorkOrderFiguresProps) {
  const t = overviewStrings.workOrderFigures;
  if (!hall || hall.badReviews === 0) return <Empty label={t.none} />;
  const bad = formatCount(hall.badReviews);
  const cards = [
    { key: "replyRate", label: t.replyRate, value: hall.replyRate.text, note: t.replyNote(bad) },
    {
      key: "contactRectifyRate",
      label: t.contactRectifyRate,
      value: hall.contactRectifyRate.text,
      note: t.contactRectifyNote,
    },
    { key: "onTimeRate", label: t.onTimeRate, value: hall.onTimeRate.text, note: t.onTimeNote },
    {
      key: "followUpSatisfaction",
      label: t.followUpSatisfaction,
      value: hall.followUpSatisfaction.text,
      note: t.followUpNote(formatCount(hall.followUpSatisfaction.den)),
    },
    { key: "open", label: t.open, value: formatCount(hall.open), note: t.openNote },
    { key: "overdue", label: t.overdue, value: formatCount(hall.overdue), note: t.overdueNote },
  ];
  const rows = [...departments]
    .filter((row) => row.key !== null)
    .map((row) => ({ ...row, name: departmentNames.get(row.key ?? 0) ?? t.unknownDepartment(row.key ?? 0) }))
    .sort((a, b) => b.badReviews - a.badReviews || a.name.localeCompare(b.name, strings.locale));

  return (
    <>
      <ul className="metric-grid" aria-label={t.section}>
        {cards.map((card) => (
          <li key={card.key} className="metric-card" data-testid={`wo-metric-${card.key}`}>
            <span className="metric-label">{card.label}</span>
            <span className={card.key === "overdue" && hall.overdue > 0 ? "metric-value danger-text" : "metric-value"}>
              {card.value}
            </span>
            <span className="metric-note">{card.note}</span>
            {card.key === "onTimeRate" ? <ProvisionalMark provisional={provisional} /> : null}
          </li>
        ))}
      </ul>
      <h3 id="wo-departments-heading">{t.byDepartment}</h3>
      <Table
        scroll="tall"
        aria-labelledby="wo-departments-heading"
        columns={[
          t.department,
          { label: t.badReviews, numeric: true },
          { label: t.open, numeric: true },
          { label: t.overdue, numeric: true },
          ...RATE_KEYS.map((key) => ({
            label:
              key === "onTimeRate" ? (
                <>
                  {t[key]} <ProvisionalMark provisional={provisional} />
                </>
              ) : (
                t[key]
              ),
            numeric: true,
          })),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key} data-testid="wo-department-row">
            <th scope="row">{row.name}</th>
            <td className="num">{formatCount(row.badReviews)}</td>
            <td className="num">{formatCount(row.open)}</td>
            <td className={row.overdue > 0 ? "num danger-text" : "num"}>{formatCount(row.overdue)}</td>
            {RATE_KEYS.map((key) => (
              <td key={key} className="num">
                {row[key].text}
              </td>
            ))}
          </tr>
        ))}
      </Table>
      <p className="muted small">{t.definitions}</p>
    </>
  );
}
