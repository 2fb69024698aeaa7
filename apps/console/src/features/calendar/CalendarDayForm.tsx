import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZCalendarDaySet, type TCalendarDaySet, type TCalendarDaySetInput } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { calendarStrings } from "./strings";

const KINDS = ["holiday", "makeup", "regular"] as const;

export interface CalendarDayFormProps {
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** what the last save did, announced politely */
  saved: string | null;
  onSubmit: (day: TCalendarDaySet) => void;
}

/** 设置法定节假日和调休 (admin only): one date at a time, as the State Council's notice lists them. */
export function CalendarDayForm({ pending, error, saved, onSubmit }: CalendarDayFormProps) {
  const t = calendarStrings;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TCalendarDaySetInput, unknown, TCalendarDaySet>({
    resolver: zodResolver(ZCalendarDaySet),
    defaultValues: { date: "", name: "" },
  });
  const kind = watch("kind");

  return (
    <form className="form cal-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id="cal-day-date" label={t.date} error={errors.date?.message}>
        {(control) => <input {...control} type="date" aria-required="true" {...register("date")} />}
      </Field>
      <ChoiceGroup
        id="cal-day-kind"
        legend={t.setAs}
        type="radio"
        options={KINDS.map((choice) => ({ value: choice, label: t.dayKinds[choice] }))}
        registration={register("kind")}
        error={errors.kind?.message}
      />
      <Field id="cal-day-name" label={t.name} hint={t.nameHint} error={errors.name?.message}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={32}
            aria-required={kind !== "regular" || undefined}
            {...register("name")}
          />
        )}
      </Field>
      <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={saved} />
      <InlineError message={error} />
    </form>
  );
}
