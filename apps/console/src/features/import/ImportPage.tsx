import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { downloadCsv } from "../../lib/download";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import type { TImportView } from "./import-types";
import { ImportForm } from "./ImportForm";
import { ImportReport } from "./ImportReport";
import { importStrings } from "./strings";
import { useCaseImport } from "./useCaseImport";

import "./import.css";

const t = importStrings;

/** 办件导入 (hall managers and administrators): check a CSV/XLSX file, then import it. */
export function ImportPage() {
  const queryClient = useQueryClient();
  const runner = useCaseImport();
  const [checked, setChecked] = useState<TImportView | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const job = runner.job;

  // The last finished check is what the import buttons judge by, until another file is chosen.
  useEffect(() => {
    if (job?.mode === "validate" && job.status !== "running") setChecked(job);
  }, [job]);

  const onTemplate = () => {
    setTemplateError(null);
    queryClient
      .fetchQuery(trpc.integrationCase.importTemplate.queryOptions())
      .then((template) => downloadCsv(template.fileName, template.csv))
      .catch((error: unknown) => setTemplateError(errorMessage(error)));
  };

  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      <section className="panel">
        <ImportForm
          busy={runner.uploading || job?.status === "running"}
          checked={checked}
          error={runner.error ?? templateError}
          onStart={(file, mode) => runner.start(file, mode)}
          onFileChange={() => {
            setChecked(null);
            runner.reset();
          }}
          onTemplate={onTemplate}
        />
        {runner.uploading ? (
          <p className="status-line" role="status">
            {t.uploading}
          </p>
        ) : null}
        <ImportReport job={job} />
      </section>
    </>
  );
}
