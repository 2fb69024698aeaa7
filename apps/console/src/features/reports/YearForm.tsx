import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { yearPickSchema } from "./report-search";
import { reportStrings } from "./report-strings";

export interface YearFormProps {
  value: number;
  currentYear: number;
  onChange: (year: number) => void;
}

/** 年份: a four-digit year, not after this one, checked before the server is asked. */
export function YearForm({ value, currentYear, onChange }: YearFormProps) {
  const t = reportStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(yearPickSchema(currentYear)), values: { year: String(value) } });
  return (
    <form className="period-form" noValidate onSubmit={handleSubmit(({ year }) => onChange(Number(year)))}>
      <div className="field">
        <label htmlFor="yearly-year">{t.year}</label>
        <input
          id="yearly-year"
          type="text"
          inputMode="numeric"
          maxLength={4}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={errors.year ? "yearly-year-error" : undefined}
          {...register("year")}
        />
        {errors.year ? (
          <p id="yearly-year-error" className="field-error" role="alert">
            {errors.year.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary">
        {t.show}
      </button>
    </form>
  );
}
