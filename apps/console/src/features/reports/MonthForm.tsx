import { reportMonthPresets } from "../../lib/data-months";
import { previousMonth } from "../../lib/period";
import { PickForm } from "./PickForm";
import { monthPickSchema } from "./report-search";
import { reportStrings } from "./strings";

export interface MonthFormProps {
  value: string;
  /** the hall's current month (yyyy-mm): later months are refused here, before any request */
  currentMonth: string;
  /** the months the hall has cases or ratings in (yyyy-mm): each year's latest closed one is offered */
  dataMonths: readonly string[];
  onChange: (month: string) => void;
}

/** 报告月份: one month, checked against the hall's calendar month, 上一月 and the hall's own latest months. */
export function MonthForm({ value, currentMonth, dataMonths, onChange }: MonthFormProps) {
  const t = reportStrings;
  return (
    <div className="period-bar">
      <PickForm
        id="report-month"
        label={t.month}
        type="month"
        value={value}
        schema={monthPickSchema(currentMonth)}
        onPick={onChange}
      />
      <div className="presets" role="group" aria-label={t.monthSection}>
        <button type="button" className="btn btn-secondary" onClick={() => onChange(previousMonth(value))}>
          {t.previousMonth}
        </button>
        {reportMonthPresets(currentMonth, dataMonths).map((month) => (
          <button
            key={month}
            type="button"
            className="btn btn-secondary"
            aria-pressed={value === month}
            onClick={() => onChange(month)}
          >
            {t.monthPreset(month)}
          </button>
        ))}
      </div>
    </div>
  );
}
