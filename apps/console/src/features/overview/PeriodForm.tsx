import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZPeriod, type TPeriod } from "@hcp/domain";

import { Field } from "../../components/Field";
import { presetOf, presetPeriod, type TPresetKey } from "../../lib/period";
import { overviewStrings } from "./strings";

export interface PeriodFormProps {
  value: TPeriod;
  /** hall-local today, for the 今天 / 本月 presets */
  today: string;
  onChange: (period: TPeriod) => void;
}

const PRESETS: { key: TPresetKey; label: string }[] = [
  { key: "today", label: overviewStrings.presetToday },
  { key: "month", label: overviewStrings.presetMonth },
  { key: "demoYear", label: overviewStrings.presetYear2023 },
];

/** 统计期间: two dates (validated with the API's own ZPeriod) and one-click presets. */
export function PeriodForm({ value, today, onChange }: PeriodFormProps) {
  const t = overviewStrings;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(ZPeriod), values: value });
  const active = presetOf(value, today);

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
        {PRESETS.map((preset) => (
          <button
            key={preset.key}
            type="button"
            className={preset.key === "demoYear" ? "btn btn-accent" : "btn btn-secondary"}
            aria-pressed={active === preset.key}
            onClick={() => onChange(presetPeriod(preset.key, today))}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </div>
  );
}
