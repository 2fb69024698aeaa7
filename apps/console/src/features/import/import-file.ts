import { z } from "zod";

import { importStrings } from "./strings";

const t = importStrings;

/** The server's own limit (packages/api case-import-file.ts), checked here before the upload. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type TImportMode = "validate" | "all-or-nothing" | "valid-rows";

/** The form's one field: a FileList from the file input, holding one CSV or XLSX file. */
export const ZImportForm = z.object({
  files: z
    // Array-like rather than `instanceof FileList`: test DOMs build their FileLists differently.
    .custom<FileList>((value) => typeof value === "object" && value !== null && "length" in value, {
      error: t.fileRequired,
    })
    .refine((files) => files.length === 1, { error: t.fileRequired })
    .refine((files) => /\.(csv|xlsx)$/i.test(files[0]?.name ?? ""), { error: t.fileType })
    .refine((files) => (files[0]?.size ?? 0) <= MAX_IMPORT_BYTES, { error: t.fileTooLarge }),
});
export type TImportForm = z.infer<typeof ZImportForm>;

/** A file's bytes as base64, the way importFile takes them (CSV and XLSX alike). */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // String.fromCharCode takes its bytes as arguments: a chunk at a time keeps under the call limit.
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
