import { useId, type ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";

import { FieldError } from "./StatusMessages";

/** What a field's control spreads onto itself, next to react-hook-form's `register(...)` or a Controller's `field`. */
interface TFieldControl {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldProps {
  label: ReactNode;
  /** the field's message in Chinese (a zod schema's, via react-hook-form), shown under the control */
  error?: string | undefined;
  /** a standing hint under the control, also read out with it */
  hint?: ReactNode;
  /** the control's id; one is made up when not given */
  id?: string;
  className?: string;
  /** announce the error as it appears (see FieldError) */
  errorAlert?: boolean;
  children: (control: TFieldControl) => ReactNode;
}

/**
 * One labelled form control with its hint and its error: the label names the control (`for`), and
 * an error marks it `aria-invalid` and is read with it (`aria-describedby`), so a screen reader
 * hears the message on the field it concerns.
 */
export function Field({ label, error, hint, id, className, errorAlert, children }: FieldProps) {
  const madeId = useId();
  const controlId = id ?? madeId;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId}>{label}</label>
      {children({
        id: controlId,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {hint ? (
        <p id={hintId} className="muted small">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} alert={errorAlert} />
    </div>
  );
}

export interface ChoiceGroupProps {
  legend: ReactNode;
  /** radios pick one; checkboxes any number */
  type: "radio" | "checkbox";
  options: readonly { value: string; label: ReactNode }[];
  /** react-hook-form's `register(name)` for the whole group */
  registration: UseFormRegisterReturn;
  error?: string | null | undefined;
  /** the error's id is this plus `-error`; one is made up when not given */
  id?: string;
  disabled?: boolean;
  /** options side by side (`radio-row`) instead of one under the other */
  inline?: boolean;
  optionClassName?: string;
}

/** A set of radios or checkboxes under one legend; its error is read with the group. */
export function ChoiceGroup({
  legend,
  type,
  options,
  registration,
  error,
  id,
  disabled,
  inline = true,
  optionClassName = "radio",
}: ChoiceGroupProps) {
  const madeId = useId();
  const errorId = `${id ?? madeId}-error`;
  const choices = options.map((option) => (
    <label key={option.value} className={inline ? optionClassName : undefined}>
      <input type={type} value={option.value} {...registration} />
      {option.label}
    </label>
  ));
  return (
    <fieldset className="field" disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {inline ? <div className="radio-row">{choices}</div> : choices}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
