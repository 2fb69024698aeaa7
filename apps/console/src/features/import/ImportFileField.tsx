import type { UseFormRegisterReturn } from "react-hook-form";

import { Field } from "../../components/Field";

export interface ImportFileFieldProps {
  id: string;
  label: string;
  /** what the template's columns hold, before the link that downloads it */
  templateHelp: string;
  templateLabel: string;
  onTemplate: () => void;
  error: string | undefined;
  /** react-hook-form's `register("files", …)` */
  registration: UseFormRegisterReturn;
}

/** An import's one file (CSV or XLSX), with its template's help and download link under it. */
export function ImportFileField(props: ImportFileFieldProps) {
  return (
    <Field
      id={props.id}
      label={props.label}
      hint={
        <>
          {props.templateHelp}{" "}
          <button type="button" className="btn-link" onClick={props.onTemplate}>
            {props.templateLabel}
          </button>
        </>
      }
      error={props.error}
    >
      {(control) => (
        <input
          {...control}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          {...props.registration}
        />
      )}
    </Field>
  );
}
