import { useId, useState, type ChangeEvent } from "react";

import { STAFF_PHOTO } from "@hcp/domain";

import { InlineError } from "../../components/StatusMessages";
import { staffStrings } from "./strings";

/** A file's bytes as base64 (without the data: prefix), as the upload procedure takes them. */
function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL always yields a string
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result.replace(/^data:[^,]*,/, "") : "");
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/** The problem with a chosen file the browser can see before sending it; the server checks again. */
function photoFileProblem(file: { type: string; size: number }): string | null {
  const t = staffStrings.photo;
  if (!(STAFF_PHOTO.types as readonly string[]).includes(file.type)) return t.notImage;
  return file.size > STAFF_PHOTO.maxBytes ? t.tooLarge : null;
}

export interface PhotoUploadProps {
  staffName: string;
  pending: boolean;
  /** the API's refusal, in Chinese */
  error: string | null;
  onUpload: (content: string) => void;
}

/** 上传照片 for the 亮牌 card: JPEG, PNG or WebP up to 5 MB; the server re-encodes it. */
export function PhotoUpload({ staffName, pending, error, onUpload }: PhotoUploadProps) {
  const t = staffStrings.photo;
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const found = photoFileProblem(file);
    setProblem(found);
    if (found) return;
    readAsBase64(file).then(onUpload, () => setProblem(t.unreadable));
  };
  return (
    <span className="photo-upload">
      <label htmlFor={id} className="btn btn-small" aria-disabled={pending || undefined}>
        {pending ? t.uploading : t.upload}
      </label>
      <input
        id={id}
        type="file"
        accept={STAFF_PHOTO.types.join(",")}
        className="sr-only"
        aria-label={t.label(staffName)}
        disabled={pending}
        onChange={choose}
      />
      <InlineError message={problem ?? error} />
    </span>
  );
}
