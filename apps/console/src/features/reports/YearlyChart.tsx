import { useMemo } from "react";

import { useECharts } from "../../components/useECharts";
import type { TYearlyRow } from "./report-types";
import { reportStrings } from "./strings";
import { yearlyOption } from "./yearly-option";

/** The canvas is hidden from assistive technology: the table beside it carries the same figures. */
export function YearlyChart({ months }: { months: readonly TYearlyRow[] }) {
  const option = useMemo(() => yearlyOption(months), [months]);
  const ref = useECharts(option);
  return (
    <figure className="yearly-figure">
      <div ref={ref} className="chart yearly-chart" aria-hidden="true" />
      <figcaption className="muted small">{reportStrings.chartNote}</figcaption>
    </figure>
  );
}
