import { zodResolver } from "@hookform/resolvers/zod";
import { useFieldArray, useForm, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";

import { ZHallSettings, type THallSettings, type THallSettingsInput } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { FieldError, InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { hallStrings as t } from "./strings";

import "./hall.css";

type TPeriodsName = "openingHours.workingDays" | "openingHours.nonWorkingDayPeriods";
const EMPTY_PERIOD = { from: "", to: "" };

/** One day's periods: each a start and an end, a button that drops it, and one that adds another. */
function PeriodList(props: {
  name: TPeriodsName;
  legend: string;
  hint?: string;
  control: Control<THallSettingsInput, unknown, THallSettings>;
  register: UseFormRegister<THallSettingsInput>;
  errors: FieldErrors<THallSettingsInput>["openingHours"];
  editable: boolean;
}) {
  const { fields, append, remove } = useFieldArray({ control: props.control, name: props.name });
  const key = props.name === "openingHours.workingDays" ? "workingDays" : "nonWorkingDayPeriods";
  const listErrors = props.errors?.[key];
  const id = (index: number, end: string) => `hall-${key}-${index}-${end}`;
  return (
    <fieldset className="field hall-periods">
      <legend>{props.legend}</legend>
      {props.hint ? <p className="muted small">{props.hint}</p> : null}
      {fields.map((row, index) => {
        const label = t.periodLabel(props.legend, index + 1);
        return (
          <div key={row.id} className="hall-period-row" role="group" aria-label={label}>
            <Field id={id(index, "from")} label={t.from} error={listErrors?.[index]?.from?.message}>
              {(control) => <input {...control} type="time" {...props.register(`${props.name}.${index}.from`)} />}
            </Field>
            <Field id={id(index, "to")} label={t.to} error={listErrors?.[index]?.to?.message}>
              {(control) => <input {...control} type="time" {...props.register(`${props.name}.${index}.to`)} />}
            </Field>
            {props.editable ? (
              <button
                type="button"
                className="btn btn-secondary btn-small"
                aria-label={`${t.removePeriod}${label}`}
                onClick={() => remove(index)}
              >
                {t.removePeriod}
              </button>
            ) : null}
          </div>
        );
      })}
      <FieldError id={`hall-${key}-error`} message={listErrors?.message ?? listErrors?.root?.message} />
      {props.editable ? (
        <button type="button" className="btn btn-secondary btn-small" onClick={() => append(EMPTY_PERIOD)}>
          {t.addPeriod}
        </button>
      ) : null}
    </fieldset>
  );
}

export interface HallSettingsFormProps {
  value: THallSettings;
  editable: boolean;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  saved: boolean;
  onSubmit: (settings: THallSettings) => void;
}

/** 基本信息与办公时间: checked by the domain's schema (area code, periods in order) before it is sent. */
export function HallSettingsForm({ value, editable, pending, error, saved, onSubmit }: HallSettingsFormProps) {
  const {
    register,
    control,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<THallSettingsInput, unknown, THallSettings>({ resolver: zodResolver(ZHallSettings), values: value });
  const nonWorking = watch("openingHours.nonWorkingDays");

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <fieldset disabled={!editable || pending} className="field-grid">
        <Field id="hall-name" label={t.name} error={errors.name?.message}>
          {(control) => <input {...control} aria-required="true" maxLength={100} {...register("name")} />}
        </Field>
        <Field id="hall-region-code" label={t.regionCode} hint={t.regionCodeHint} error={errors.regionCode?.message}>
          {(control) => (
            <input
              {...control}
              aria-required="true"
              className="input-short mono"
              inputMode="numeric"
              maxLength={6}
              {...register("regionCode")}
            />
          )}
        </Field>
        <Field id="hall-address" label={t.address} error={errors.address?.message}>
          {(control) => <input {...control} maxLength={200} {...register("address")} />}
        </Field>
      </fieldset>
      <fieldset disabled={!editable || pending} className="field-grid">
        <PeriodList
          name="openingHours.workingDays"
          legend={t.workingDays}
          hint={t.workingDaysHint}
          control={control}
          register={register}
          errors={errors.openingHours}
          editable={editable}
        />
        <div>
          <ChoiceGroup
            id="hall-non-working"
            legend={t.nonWorkingDays}
            type="radio"
            inline={false}
            options={(["closed", "open"] as const).map((mode) => ({
              value: mode,
              label: <> {t.nonWorkingModes[mode]}</>,
            }))}
            registration={register("openingHours.nonWorkingDays")}
            error={errors.openingHours?.nonWorkingDays?.message}
          />
          {nonWorking === "open" ? (
            <PeriodList
              name="openingHours.nonWorkingDayPeriods"
              legend={t.nonWorkingDayPeriods}
              control={control}
              register={register}
              errors={errors.openingHours}
              editable={editable}
            />
          ) : null}
        </div>
      </fieldset>
      {editable ? (
        <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={saved ? t.saved : null} />
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
      <InlineError message={error} />
    </form>
  );
}
