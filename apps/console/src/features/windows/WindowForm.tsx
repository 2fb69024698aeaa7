import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";

import { ZWindowForm, type TWindowForm } from "@hcp/domain";

import { ChoiceGroup, Field } from "../../components/Field";
import { InlineError } from "../../components/StatusMessages";
import { SubmitRow } from "../../components/SubmitRow";
import { windowStrings } from "./strings";

const t = windowStrings;

/** The form's fields as the controls hold them: ids as strings, the item codes as one text. */
const ZWindowFields = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    departmentIds: z.array(z.string()),
    itemCodes: z.string(),
    sortOrder: z.number(),
  })
  .transform((fields) => ({
    ...fields,
    departmentIds: fields.departmentIds.map(Number),
    itemCodes: fields.itemCodes.split(/[\s,，、;；]+/),
  }))
  .pipe(ZWindowForm);

type TWindowFields = z.input<typeof ZWindowFields>;

/** The stored window as the form's fields. */
export function windowFields(window: {
  code: string;
  name: string;
  kind: string;
  departmentIds: readonly number[];
  itemCodes: readonly string[];
  sortOrder: number;
}): TWindowFields {
  return {
    code: window.code,
    name: window.name,
    kind: window.kind,
    departmentIds: window.departmentIds.map(String),
    itemCodes: window.itemCodes.join("\n"),
    sortOrder: window.sortOrder,
  };
}

export const EMPTY_WINDOW: TWindowFields = {
  code: "",
  name: "",
  kind: "comprehensive",
  departmentIds: [],
  itemCodes: "",
  sortOrder: 0,
};

export interface WindowFormProps {
  title: string;
  value: TWindowFields;
  departments: readonly { id: number; name: string }[];
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onSubmit: (window: TWindowForm) => void;
  onCancel: () => void;
}

/** 新增 / 修改窗口. */
export function WindowForm({ title, value, departments, pending, error, onSubmit, onCancel }: WindowFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TWindowFields, unknown, TWindowForm>({ resolver: zodResolver(ZWindowFields), defaultValues: value });
  return (
    <form
      className="form settings-form"
      aria-label={title}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
    >
      <h3>{title}</h3>
      <Field id="window-code" label={t.code} hint={t.codeHint} error={errors.code?.message}>
        {(control) => <input {...control} className="input-short" autoComplete="off" {...register("code")} />}
      </Field>
      <Field id="window-name" label={t.name} error={errors.name?.message}>
        {(control) => <input {...control} autoComplete="off" {...register("name")} />}
      </Field>
      <ChoiceGroup
        legend={t.kind}
        type="radio"
        options={Object.entries(t.kinds).map(([kind, label]) => ({ value: kind, label }))}
        registration={register("kind")}
        error={errors.kind?.message}
      />
      <ChoiceGroup
        legend={t.departments}
        type="checkbox"
        inline={false}
        options={departments.map((department) => ({ value: String(department.id), label: department.name }))}
        registration={register("departmentIds")}
        error={errors.departmentIds?.message ?? errors.departmentIds?.root?.message}
      />
      <p className="muted small">{t.departmentsHint}</p>
      <Field id="window-items" label={t.itemCodes} hint={t.itemCodesHint} error={errors.itemCodes?.message}>
        {(control) => <textarea {...control} rows={4} {...register("itemCodes")} />}
      </Field>
      <Field id="window-order" label={t.sortOrder} hint={t.sortOrderHint} error={errors.sortOrder?.message}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="numeric"
            min={0}
            max={9999}
            step={1}
            className="input-short"
            {...register("sortOrder", { valueAsNumber: true })}
          />
        )}
      </Field>
      <InlineError message={error} />
      <SubmitRow label={t.save} pending={pending} pendingLabel={t.saving} done={null} />
      <button type="button" className="btn" onClick={onCancel}>
        {t.cancel}
      </button>
    </form>
  );
}
