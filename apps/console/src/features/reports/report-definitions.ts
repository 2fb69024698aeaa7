import type { TColumn } from "../analysis/DataTable";
import type { TMonthlyReport } from "./report-types";

type TDefinitionKey = TMonthlyReport["definitions"][number]["key"];

/**
 * Column heads defined by the report's own appendix, not today's table: an archived report keeps
 * the definitions (and their version) it was computed with.
 */
export function reportColumn<TRow>(
  report: TMonthlyReport,
  key: TDefinitionKey,
  cell: TColumn<TRow>["cell"],
  header?: string,
): TColumn<TRow> {
  const definition = report.definitions.find((entry) => entry.key === key);
  return {
    id: key,
    header: header ?? definition?.name ?? key,
    definition: definition?.definition,
    numeric: true,
    cell,
  };
}
