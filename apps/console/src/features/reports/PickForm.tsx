import { zodResolver } from "@hookform/resolvers/zod";
import type { HTMLInputTypeAttribute } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";

import { reportStrings } from "./report-strings";

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
  const errorId = `${id}-error`;
  return (
    <form className="period-form" noValidate onSubmit={handleSubmit((data) => onPick(data.value))}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} type={type} aria-invalid={errors.value ? true : undefined} aria-describedby={errors.value ? errorId : undefined} {...register("value")} />
        {errors.value ? (
          <p id={errorId} className="field-error" role="alert">
            {errors.value.message}
          </p>
        ) : null}
      </div>
      <button type="submit" className="btn btn-primary">
        {reportStrings.show}
      </button>
    </form>
  );
}
