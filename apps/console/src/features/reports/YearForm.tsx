import { earlierDataYears } from "../../lib/data-months";
import { PickForm } from "./PickForm";
import { yearPickSchema } from "./report-search";
import { reportStrings } from "./strings";

export interface YearFormProps {
  value: number;
  /** the hall's current year: later years are refused here, before any request */
  currentYear: number;
  /** the months the hall has cases or ratings in (yyyy-mm): its earlier years are offered */
  dataMonths: readonly string[];
  onChange: (year: number) => void;
}

/** 年份 of the yearly summary: one year, 今年 and the hall's own earlier years with data. */
export function YearForm({ value, currentYear, dataMonths, onChange }: YearFormProps) {
  const t = reportStrings;
  const presets = [currentYear, ...earlierDataYears(currentYear, dataMonths)];
  return (
    <div className="period-bar">
      <PickForm
        id="yearly-year"
        label={t.year}
        type="text"
        value={String(value)}
        schema={yearPickSchema(currentYear)}
        onPick={(year) => onChange(Number(year))}
      />
      <div className="presets" role="group" aria-label={t.presets}>
        {presets.map((year) => (
          <button
            key={year}
            type="button"
            className="btn btn-secondary"
            aria-pressed={value === year}
            onClick={() => onChange(year)}
          >
            {year === currentYear ? t.thisYear : t.yearPreset(year)}
          </button>
        ))}
      </div>
    </div>
  );
}
