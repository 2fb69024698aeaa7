import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZServiceDaySet, type TServiceDaySet, type TServiceDaySetInput } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { calendarStrings } from "./strings";

export interface ServiceDayFormProps {
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** what the last save did, announced politely */
  saved: string | null;
  onSubmit: (serviceDay: TServiceDaySet) => void;
}

/** 本厅服务日 (admin, hall manager): register a 延时/预约/节假日 service day of the signed-in user's hall, or take it back. */
export function ServiceDayForm({ pending, error, saved, onSubmit }: ServiceDayFormProps) {
  const t = calendarStrings;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<TServiceDaySetInput, unknown, TServiceDaySet>({
    resolver: zodResolver(ZServiceDaySet),
    defaultValues: { date: "", note: "", remove: false },
  });
  const remove = watch("remove");

  return (
    <form className="form cal-form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <Field id="cal-service-date" label={t.serviceDateLabel} error={errors.date?.message}>
        {(control) => <input {...control} type="date" aria-required="true" {...register("date")} />}
      </Field>
      <Field id="cal-service-note" label={t.note} hint={t.noteHint} error={errors.note?.message}>
        {(control) => <input {...control} type="text" maxLength={100} {...register("note")} />}
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...register("remove")} />
        {t.remove}
      </label>
      <SubmitRow
        label={remove ? t.removeSubmit : t.save}
        pending={pending}
        pendingLabel={t.saving}
        done={saved}
        className={remove ? "btn btn-secondary" : "btn btn-primary"}
      />
      <InlineError message={error} />
    </form>
  );
}
