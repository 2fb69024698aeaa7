import { PickForm } from "./PickForm";
import { monthPickSchema, previousMonth } from "./report-search";
import { reportStrings } from "./strings";

export interface MonthFormProps {
  value: string;
  /** the hall's current month (yyyy-mm): later months are refused here, before any request */
  currentMonth: string;
  onChange: (month: string) => void;
}

/** 报告月份: one month, checked against the hall's calendar month, and two one-click choices. */
export function MonthForm({ value, currentMonth, onChange }: MonthFormProps) {
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
        <button
          type="button"
          className="btn btn-accent"
          aria-pressed={value === "2023-12"}
          onClick={() => onChange("2023-12")}
        >
          {t.demoMonth}
        </button>
      </div>
    </div>
  );
}
