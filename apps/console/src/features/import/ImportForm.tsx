import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

import { InlineError } from "../../components/StatusMessages";
import { ZImportForm, type TImportForm, type TImportMode } from "./import-file";
import type { TImportView } from "./import-types";
import { ImportFileField } from "./ImportFileField";
import { importStrings } from "./strings";

const t = importStrings;

export interface ImportFormProps {
  /** an upload or a job is under way: every button waits */
  busy: boolean;
  /** the finished check of the file now chosen, if it was checked */
  checked: TImportView | null;
  /** the API's refusal of the upload, in Chinese */
  error: string | null;
  onStart: (file: File, mode: TImportMode) => void;
  /** a different file was chosen: its check is yet to come */
  onFileChange: () => void;
  onTemplate: () => void;
}

/**
 * The file, 先校验, then 全部导入 (only when no row is wrong) or 仅导入无误的行 (only when some
 * are and some are not). A file that has not been checked cannot be imported from here.
 */
export function ImportForm({ busy, checked, error, onStart, onFileChange, onTemplate }: ImportFormProps) {
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TImportForm>({ resolver: zodResolver(ZImportForm) });
  const start = (mode: TImportMode) =>
    handleSubmit((form) => {
      const file = form.files[0];
      if (file) onStart(file, mode);
    });
  const checkedOk = checked?.status === "done" && checked.mode === "validate";
  const canImportAll = checkedOk && checked.errorRows === 0 && checked.validRows > 0;
  const canImportValid = checkedOk && checked.errorRows > 0 && checked.validRows > 0;
  const fileError = errors.files?.message;

  return (
    <form className="form" noValidate onSubmit={(event) => void start("validate")(event)}>
      <ImportFileField
        id="import-file"
        label={t.fileLabel}
        templateHelp={t.templateHelp}
        templateLabel={t.template}
        onTemplate={onTemplate}
        error={fileError}
        registration={register("files", { onChange: onFileChange })}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.check}
        </button>
        <button
          type="button"
          className="btn btn-accent"
          disabled={busy || !canImportAll}
          aria-describedby={checkedOk && !canImportAll ? "import-all-hint" : undefined}
          onClick={(event) => void start("all-or-nothing")(event)}
        >
          {t.importAll}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy || !canImportValid}
          onClick={(event) => void start("valid-rows")(event)}
        >
          {t.importValid}
        </button>
      </div>
      {checkedOk && checked.errorRows > 0 ? (
        <p id="import-all-hint" className="muted small">
          {t.importAllHint}
        </p>
      ) : null}
      <InlineError message={error} />
    </form>
  );
}
