import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { ZDepartmentFields, type TDepartmentFields, type TDepartmentFieldsInput } from "@hcp/domain";

import { Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { departmentStrings as t } from "./strings";

const EMPTY: TDepartmentFieldsInput = { name: "", shortName: "", creditCode: "", contactName: "", contactPhone: "" };

export interface DepartmentFormProps {
  /** the department being edited; none: a new one */
  value?: TDepartmentFields;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  /** what the last save did, announced politely */
  done: string | null;
  onSubmit: (fields: TDepartmentFields) => void;
  /** editing only: back to a new department */
  onCancel?: () => void;
}

/** A department's fields, checked by the domain's schema (the credit code's check character included) before it is sent. */
export function DepartmentForm({ value, pending, error, done, onSubmit, onCancel }: DepartmentFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TDepartmentFieldsInput, unknown, TDepartmentFields>({
    resolver: zodResolver(ZDepartmentFields),
    values: value ?? EMPTY,
  });
  const id = value ? "department-edit" : "department-new";

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
      <fieldset disabled={pending} className="field-grid">
        <Field id={`${id}-name`} label={t.fields.name} error={errors.name?.message}>
          {(control) => <input {...control} aria-required="true" maxLength={100} {...register("name")} />}
        </Field>
        <Field
          id={`${id}-short`}
          label={t.fields.shortName}
          hint={t.fields.shortNameHint}
          error={errors.shortName?.message}
        >
          {(control) => <input {...control} maxLength={20} {...register("shortName")} />}
        </Field>
        <Field
          id={`${id}-code`}
          label={t.fields.creditCode}
          hint={t.fields.creditCodeHint}
          error={errors.creditCode?.message}
        >
          {(control) => (
            <input {...control} aria-required="true" className="mono" autoComplete="off" {...register("creditCode")} />
          )}
        </Field>
        <Field id={`${id}-contact`} label={t.fields.contactName} error={errors.contactName?.message}>
          {(control) => <input {...control} maxLength={50} {...register("contactName")} />}
        </Field>
        <Field id={`${id}-phone`} label={t.fields.contactPhone} error={errors.contactPhone?.message}>
          {(control) => <input {...control} type="tel" maxLength={30} {...register("contactPhone")} />}
        </Field>
      </fieldset>
      <SubmitRow label={value ? t.save : t.create} pending={pending} pendingLabel={t.saving} done={done} />
      {onCancel ? (
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t.cancelEdit}
        </button>
      ) : null}
      <InlineError message={error} />
    </form>
  );
}
