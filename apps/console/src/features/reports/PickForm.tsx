import { zodResolver } from "@hookform/resolvers/zod";
import type { HTMLInputTypeAttribute } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { Field } from "../../components/Field";
import { reportStrings } from "./strings";

export interface PickFormProps {
  id: string;
  label: string;
  type: HTMLInputTypeAttribute;
  value: string;
  /** checks the one field before anything is asked of the server */
  schema: z.ZodObject<{ value: z.ZodString }>;
  onPick: (value: string) => void;
}

/** One field and 查看: the month of a report, the year of a summary. */
export function PickForm({ id, label, type, value, schema, onPick }: PickFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(schema), values: { value } });
  return (
    <form className="period-form" noValidate onSubmit={handleSubmit((data) => onPick(data.value))}>
      <Field id={id} label={label} error={errors.value?.message} errorAlert>
        {(control) => <input {...control} type={type} {...register("value")} />}
      </Field>
      <button type="submit" className="btn btn-primary">
        {reportStrings.show}
      </button>
    </form>
  );
}
