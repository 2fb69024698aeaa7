import { formatCount } from "../../lib/format";
import { DataTable, type TColumn } from "../analysis/DataTable";
import { definedColumn } from "../analysis/metric-columns";
import { ProvisionalMark } from "../calendar/ProvisionalMark";
import type { TYearlyReport, TYearlyRow } from "./report-types";
import { reportStrings } from "./strings";

const t = reportStrings;

/** 各月数据: the annual report's figures month by month, then 全年; each month links its archive. */
export function YearlyTable({ yearly, onOpenMonth }: { yearly: TYearlyReport; onOpenMonth: (month: string) => void }) {
  const archived = new Map(yearly.archived.map((entry) => [entry.month, entry.version]));
  const columns: TColumn<TYearlyRow>[] = [
    {
      id: "period",
      header: t.monthColumn,
      rowHeader: true,
      cell: (row) =>
        row.period.length === 4 ? (
          t.yearTotal
        ) : (
          <button type="button" className="btn-link" onClick={() => onOpenMonth(row.period)}>
            {t.monthLabel(row.period)}
          </button>
        ),
    },
    definedColumn("casesCompleted", (row) => formatCount(row.casesCompleted)),
    {
      id: "workingDays",
      header: t.workingDays,
      numeric: true,
      cell: (row) => (
        <>
          {row.workingDays} <ProvisionalMark provisional={row.workingDaysProvisional} />
        </>
      ),
    },
    definedColumn("dailyAverage", (row) => row.dailyAverage),
    definedColumn("ratings", (row) => formatCount(row.ratings)),
    definedColumn("goodRate", (row) => row.goodRate.text),
    definedColumn("ratedRate", (row) => row.ratedRate.text),
    {
      id: "archived",
      header: t.archivedVersion,
      cell: (row) => {
        if (row.period.length === 4) return null;
        const version = archived.get(row.period);
        return version === undefined ? <span className="muted">{t.notArchived}</span> : t.archivedVersionValue(version);
      },
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={yearly.months}
      footer={[yearly.total]}
      rowKey={(row) => row.period}
      labelledBy="yearly-table-heading"
      testId="yearly-table"
    />
  );
}
