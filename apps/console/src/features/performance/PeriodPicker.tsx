import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import type { TPeriod } from "@hcp/domain";

import { Field } from "../../components/Field";
import type { TPeriodKind } from "../../lib/period";
import { periodOfPick, pickOfPeriod, ZPeriodPick, type TPeriodPick } from "./period-picker";
import { performanceStrings } from "./strings";

const KINDS: readonly TPeriodKind[] = ["day", "week", "month", "custom"];

/**
 * 统计期间 by day, week (Monday to Sunday), calendar month or two dates. `idPrefix` keeps the
 * inputs' ids unique should two pickers share a page.
 */
export function PeriodPicker({
  value,
  onChange,
  idPrefix = "pick",
}: {
  value: TPeriod;
  onChange: (period: TPeriod) => void;
  idPrefix?: string;
}) {
  const t = performanceStrings.period;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TPeriodPick>({ resolver: zodResolver(ZPeriodPick), values: pickOfPeriod(value) });
  const kind = watch("kind");
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form
      className="period-form period-picker"
      noValidate
      onSubmit={handleSubmit((pick) => onChange(periodOfPick(pick)))}
    >
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
        <Field id={id("day")} label={kind === "day" ? t.day : t.week} error={errors.day?.message}>
          {(control) => <input {...control} type="date" {...register("day")} />}
        </Field>
      ) : null}
      {kind === "month" ? (
        <Field id={id("month")} label={t.month} error={errors.month?.message}>
          {(control) => <input {...control} type="month" {...register("month")} />}
        </Field>
      ) : null}
      {kind === "custom" ? (
        <>
          <Field id={id("from")} label={t.from} error={errors.from?.message}>
            {(control) => <input {...control} type="date" {...register("from")} />}
          </Field>
          <Field id={id("to")} label={t.to} error={errors.to?.message}>
            {(control) => <input {...control} type="date" {...register("to")} />}
          </Field>
        </>
      ) : null}
      <button type="submit" className="btn btn-primary">
        {t.apply}
      </button>
    </form>
  );
}
