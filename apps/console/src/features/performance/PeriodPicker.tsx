import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import type { TPeriod } from "@hcp/domain";

import { FieldError } from "../../components/StatusMessages";
import type { TPeriodKind } from "../../lib/period";
import { periodOfPick, pickOfPeriod, ZPeriodPick } from "./period-picker";
import type { TPeriodPick } from "./period-picker";
import { performanceStrings } from "./strings";

const KINDS: readonly TPeriodKind[] = ["day", "week", "month", "custom"];

/**
 * 统计期间 by day, week (Monday to Sunday), calendar month or two dates. `idPrefix` keeps the
 * inputs' ids unique should two pickers share a page.
 */
export function PeriodPicker({ value, onChange, idPrefix = "pick" }: { value: TPeriod; onChange: (period: TPeriod) => void; idPrefix?: string }) {
  const t = performanceStrings.period;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TPeriodPick>({ resolver: zodResolver(ZPeriodPick), values: pickOfPeriod(value) });
  const kind = watch("kind");
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (name: keyof TPeriodPick) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": id(`${name}-error`) } : {};

  return (
    <form className="period-form period-picker" noValidate onSubmit={handleSubmit((pick) => onChange(periodOfPick(pick)))}>
      <fieldset className="segmented">
        <legend>{t.kind}</legend>
        {KINDS.map((option) => (
          <label key={option} className="segmented-option">
            <input type="radio" value={option} {...register("kind")} />
            <span>{t.kinds[option]}</span>
          </label>
        ))}
      </fieldset>
      {kind === "day" || kind === "week" ? (
        <div className="field">
          <label htmlFor={id("day")}>{kind === "day" ? t.day : t.week}</label>
          <input id={id("day")} type="date" {...invalid("day")} {...register("day")} />
          <FieldError id={id("day-error")} message={errors.day?.message} />
        </div>
      ) : null}
      {kind === "month" ? (
        <div className="field">
          <label htmlFor={id("month")}>{t.month}</label>
          <input id={id("month")} type="month" {...invalid("month")} {...register("month")} />
          <FieldError id={id("month-error")} message={errors.month?.message} />
        </div>
      ) : null}
      {kind === "custom" ? (
        <>
          <div className="field">
            <label htmlFor={id("from")}>{t.from}</label>
            <input id={id("from")} type="date" {...invalid("from")} {...register("from")} />
            <FieldError id={id("from-error")} message={errors.from?.message} />
          </div>
          <div className="field">
            <label htmlFor={id("to")}>{t.to}</label>
            <input id={id("to")} type="date" {...invalid("to")} {...register("to")} />
            <FieldError id={id("to-error")} message={errors.to?.message} />
          </div>
        </>
      ) : null}
      <button type="submit" className="btn btn-primary">
        {t.apply}
      </button>
    </form>
  );
}
