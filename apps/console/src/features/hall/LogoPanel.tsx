import { useState } from "react";

import { InlineError } from "../../components/StatusMessages";
import { fileAsBase64 } from "../import/import-file";
import { hallStrings as t } from "./strings";

const MAX_BYTES = 2 * 1024 * 1024;
const ACCEPTED = ["image/jpeg", "image/png", "image/webp"];

/** What is wrong with a chosen file before it is sent (the server checks again), or null. */
export function logoFileProblem(file: { size: number; type: string }): string | null {
  if (!ACCEPTED.includes(file.type)) return t.logoNotImage;
  return file.size > MAX_BYTES ? t.logoTooLarge : null;
}

export interface LogoPanelProps {
  /** the stored logo (a PNG data URL), or null */
  logo: string | null;
  editable: boolean;
  pending: boolean;
  error: string | null;
  done: string | null;
  onUpload: (content: string) => void;
  onRemove: () => void;
}

/** 大厅标志: the logo as stored, a file to replace it, and 删除标志. */
export function LogoPanel({ logo, editable, pending, error, done, onUpload, onRemove }: LogoPanelProps) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = async () => {
    if (!file) return setProblem(t.logoChooseFirst);
    const found = logoFileProblem(file);
    setProblem(found);
    if (!found) onUpload(await fileAsBase64(file));
  };
  return (
    <div>
      {logo ? (
        <img className="hall-logo" src={logo} alt={t.logoAlt} data-testid="hall-logo" />
      ) : (
        <p className="muted">{t.logoNone}</p>
      )}
      {editable ? (
        <form className="form" noValidate onSubmit={(event) => (event.preventDefault(), void upload())}>
          <div className="field">
            <label htmlFor="hall-logo-file">{t.logoFile}</label>
            <input
              id="hall-logo-file"
              type="file"
              accept={ACCEPTED.join(",")}
              aria-describedby="hall-logo-hint"
              disabled={pending}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
            <p id="hall-logo-hint" className="muted small">
              {t.logoHint}
            </p>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={pending} aria-busy={pending || undefined}>
              {t.logoUpload}
            </button>
            {logo ? (
              <button type="button" className="btn btn-secondary" disabled={pending} onClick={onRemove}>
                {t.logoRemove}
              </button>
            ) : null}
            <span className="muted" role="status">
              {pending ? t.logoUploading : done}
            </span>
          </div>
          <InlineError message={problem ?? error} />
        </form>
      ) : null}
    </div>
  );
}
