import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { EMPTY_ITEM_FORM, ZItemForm, type TItemForm, type TServiceItemFields } from "./item-form";
import { catalogueStrings } from "./strings";

const t = catalogueStrings;

export interface ItemFormProps {
  initial: TItemForm;
  /** editing: the code stays as it is */
  editing: boolean;
  departments: readonly { id: number; name: string }[];
  windows: readonly { id: number; code: string; name: string }[];
  pending: boolean;
  /** what the last save did, e.g. 已保存 */
  done: string;
  error: string | null;
  /** the server's messages by field, shown under their controls */
  fieldErrors: Record<string, string>;
  onSave: (fields: TServiceItemFields) => void;
}

/** 新增事项 / 编辑事项: an item's terms under the catalogue's rules. */
export function ItemForm(props: ItemFormProps) {
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<TItemForm, unknown, TServiceItemFields>({
    resolver: zodResolver(ZItemForm),
    defaultValues: props.initial,
  });
  const { fieldErrors } = props;
  // The server's messages by field, once per refusal (fieldErrors is a new object each time).
  useEffect(() => {
    for (const [field, message] of Object.entries(fieldErrors))
      if (field in EMPTY_ITEM_FORM) setError(field as keyof TItemForm, { message });
  }, [fieldErrors, setError]);

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(props.onSave)(event)}>
      <Field id="item-code" label={t.code} hint={t.codeHint} error={errors.code?.message}>
        {(control) => <input {...control} readOnly={props.editing} autoComplete="off" {...register("code")} />}
      </Field>
      <Field id="item-name" label={t.name} error={errors.name?.message}>
        {(control) => <input {...control} autoComplete="off" {...register("name")} />}
      </Field>
      <Field id="item-department" label={t.department} error={errors.departmentId?.message}>
        {(control) => (
          // The initial department as the select's own default: its options exist before react-hook-form sets it.
          <select {...control} defaultValue={props.initial.departmentId} {...register("departmentId")}>
            <option value="">{t.pickDepartment}</option>
            {props.departments.map((department) => (
              <option key={department.id} value={String(department.id)}>
                {department.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ChoiceGroup
        id="item-case-type"
        legend={t.caseType}
        type="radio"
        options={[
          { value: "instant", label: t.instant },
          { value: "promised", label: t.promised },
        ]}
        registration={register("caseType")}
        error={errors.caseType?.message}
      />
      <Field
        id="item-promised-days"
        label={t.promisedDays}
        hint={t.promisedDaysHint}
        error={errors.promisedDays?.message}
      >
        {(control) => <input {...control} type="number" min={0} inputMode="numeric" {...register("promisedDays")} />}
      </Field>
      <Field id="item-legal-days" label={t.legalDays} hint={t.legalDaysHint} error={errors.legalDays?.message}>
        {(control) => <input {...control} type="number" min={1} inputMode="numeric" {...register("legalDays")} />}
      </Field>
      <ChoiceGroup
        id="item-in-hall"
        legend={t.inHall}
        type="radio"
        options={[
          { value: "yes", label: t.yes },
          { value: "no", label: t.no },
        ]}
        registration={register("inHall")}
        error={errors.inHall?.message}
      />
      {props.windows.length === 0 ? (
        <p className="muted small">{t.noWindows}</p>
      ) : (
        <ChoiceGroup
          id="item-windows"
          legend={t.windows}
          type="checkbox"
          options={props.windows.map((window) => ({
            value: String(window.id),
            label: `${window.code} ${window.name}`,
          }))}
          registration={register("windowIds")}
          error={errors.windowIds?.message}
        />
      )}
      <InlineError message={props.error} />
      <SubmitRow label={t.save} pending={props.pending} pendingLabel={t.saving} done={props.done} />
    </form>
  );
}
