import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { monthPickSchema, previousMonth } from "./report-search";
import { reportStrings } from "./report-strings";

export interface MonthFormProps {
  value: string;
  /** the hall's current month (yyyy-mm): later months are refused here, before any request */
  currentMonth: string;
  onChange: (month: string) => void;
}

/** 报告月份: one month, checked against the hall's calendar month before the server is asked. */
export function MonthForm({ value, currentMonth, onChange }: MonthFormProps) {
  const t = reportStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(monthPickSchema(currentMonth)), values: { month: value } });

  return (
    <div className="period-bar">
      <form className="period-form" noValidate onSubmit={handleSubmit(({ month }) => onChange(month))}>
        <div className="field">
          <label htmlFor="report-month">{t.month}</label>
          <input
            id="report-month"
            type="month"
            placeholder={t.monthHint}
            aria-invalid={errors.month ? true : undefined}
            aria-describedby={errors.month ? "report-month-error" : undefined}
            {...register("month")}
          />
          {errors.month ? (
            <p id="report-month-error" className="field-error" role="alert">
              {errors.month.message}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn btn-primary">
          {t.show}
        </button>
      </form>
      <div className="presets" role="group" aria-label={t.monthSection}>
        <button type="button" className="btn btn-secondary" onClick={() => onChange(previousMonth(value))}>
          {t.previousMonth}
        </button>
        <button type="button" className="btn btn-accent" aria-pressed={value === "2023-12"} onClick={() => onChange("2023-12")}>
          {t.demoMonth}
        </button>
      </div>
    </div>
  );
}
