import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZPeriod, type TPeriod } from "@hcp/domain";

import { Field } from "../../components/Field";
import { periodPresets, type TPeriodPreset } from "../../lib/data-months";
import { overviewStrings } from "./strings";

export interface PeriodFormProps {
  value: TPeriod;
  /** hall-local today, for the 今天 / 本月 / 今年 presets */
  today: string;
  /** the months the hall has cases or ratings in (yyyy-mm): its earlier years are offered whole */
  months: readonly string[];
  onChange: (period: TPeriod) => void;
}

function presetLabel(preset: TPeriodPreset, today: string): string {
  const t = overviewStrings;
  if (preset.key !== "year") return preset.key === "today" ? t.presetToday : t.presetMonth;
  return preset.year === Number(today.slice(0, 4)) ? t.presetThisYear : t.presetYear(preset.year);
}

/** 统计期间: two dates (validated with the API's own ZPeriod) and one-click presets from the hall's own data. */
export function PeriodForm({ value, today, months, onChange }: PeriodFormProps) {
  const t = overviewStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZPeriod), values: value });
  const presets = periodPresets(today, months);
  // On the 1st 今天 and 本月 are the same period: the first that matches is the one shown pressed.
  const active = presets.find((preset) => preset.period.from === value.from && preset.period.to === value.to);

  return (
    <div className="period-bar">
      <form className="period-form" noValidate onSubmit={handleSubmit(onChange)}>
        <Field id="period-from" label={t.from} error={errors.from?.message}>
          {(control) => <input {...control} type="date" {...register("from")} />}
        </Field>
        <Field id="period-to" label={t.to} error={errors.to?.message}>
          {(control) => <input {...control} type="date" {...register("to")} />}
        </Field>
        <button type="submit" className="btn btn-primary">
          {t.apply}
        </button>
      </form>
      <div className="presets" role="group" aria-label={t.presets}>
        {presets.map((preset) => (
          <button
            key={preset.key === "year" ? preset.year : preset.key}
            type="button"
            className="btn btn-secondary"
            aria-pressed={preset === active}
            onClick={() => onChange(preset.period)}
          >
            {presetLabel(preset, today)}
          </button>
        ))}
      </div>
    </div>
  );
}
