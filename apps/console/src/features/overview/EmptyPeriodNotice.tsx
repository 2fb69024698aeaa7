import type { TPeriod } from "@hcp/domain";

import { latestDataPeriod } from "../../lib/data-months";
import { overviewStrings } from "./strings";

export interface EmptyPeriodNoticeProps {
  /** the months the hall has cases or ratings in (yyyy-mm, newest first) */
  months: readonly string[];
  /** the period shown, which has no rating */
  period: TPeriod;
  today: string;
  onChange: (period: TPeriod) => void;
}

/** A period without ratings: says so, and offers the hall's latest month with data (never a demo's). */
export function EmptyPeriodNotice({ months, period, today, onChange }: EmptyPeriodNoticeProps) {
  const t = overviewStrings;
  const latest = latestDataPeriod(today, months);
  const offered = latest !== null && (latest.period.from !== period.from || latest.period.to !== period.to);
  return (
    <div className="notice notice-info">
      <span role="status">
        {t.emptyPeriod}
        {latest === null ? t.noDataYet : null}
      </span>
      {offered ? (
        <button type="button" className="btn btn-accent btn-small" onClick={() => onChange(latest.period)}>
          {t.latestData(latest.month)}
        </button>
      ) : null}
    </div>
  );
}
