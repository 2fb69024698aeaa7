import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { errorMessage } from "../../lib/errors";
import { trpc, trpcClient } from "../../lib/trpc";
import { fileAsBase64, type TImportMode } from "./import-file";
import type { TImportView } from "./import-types";

/** How often a running job is asked for its progress. */
const POLL_MS = 700;

export interface TCaseImport {
  start: (file: File, mode: TImportMode) => void;
  /** forget the job shown (a new file was chosen) */
  reset: () => void;
  uploading: boolean;
  error: string | null;
  /** the job's latest report, polled until it stops running */
  job: TImportView | null;
}

/**
 * Uploads a file as an import job and follows it: importFile answers with the job id at once,
 * then importStatus is polled (TanStack Query's refetchInterval) until the job has finished.
 */
export function useCaseImport(): TCaseImport {
  const [importId, setImportId] = useState<number | null>(null);
  const upload = useMutation({
    // The file is read in the browser first, so this is a plain function rather than mutationOptions.
    mutationFn: async ({ file, mode }: { file: File; mode: TImportMode }) =>
      trpcClient.integrationCase.importFile.mutate({
        fileName: file.name,
        content: await fileAsBase64(file),
        encoding: "base64",
        mode,
      }),
    onSuccess: (started) => setImportId(started.importId),
  });
  const status = useQuery(
    trpc.integrationCase.importStatus.queryOptions(
      { importId: importId ?? 0 },
      {
        enabled: importId !== null,
        refetchInterval: (query) => (query.state.data?.status === "running" ? POLL_MS : false),
      },
    ),
  );
  const job = importId !== null && status.data?.id === importId ? status.data : null;
  return {
    start: (file, mode) => {
      setImportId(null);
      upload.mutate({ file, mode });
    },
    reset: () => {
      setImportId(null);
      upload.reset();
    },
    uploading: upload.isPending,
    error: upload.isError ? errorMessage(upload.error) : status.isError ? errorMessage(status.error) : null,
    job,
  };
}
