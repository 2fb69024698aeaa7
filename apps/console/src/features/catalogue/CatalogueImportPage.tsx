import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { PageHeading } from "../../components/PageHeading";
import { InlineError } from "../../components/StatusMessages";
import { downloadCsv } from "../../lib/download";
import { errorMessage, serverFieldErrors } from "../../lib/errors";
import { trpc, trpcClient } from "../../lib/trpc";
import { fileAsBase64, ZImportForm, type TImportForm } from "../import/import-file";
import { ImportFileField } from "../import/ImportFileField";
import type { TCataloguePreview } from "./catalogue-types";
import { ImportApplied, ImportPreview } from "./ImportPreview";
import { catalogueStrings } from "./strings";

const t = catalogueStrings;

async function upload(file: File) {
  return { fileName: file.name, content: await fileAsBase64(file), encoding: "base64" as const };
}

/**
 * 事项目录导入 (administrators): 预览 reports what the file would change; 确认导入 applies that
 * plan (only when no row is wrong), 仅导入无误的行 the valid rows when some are wrong. Choosing
 * another file drops the preview.
 */
export function CatalogueImportPage() {
  const queryClient = useQueryClient();
  const [previewed, setPreviewed] = useState<{ file: File; preview: TCataloguePreview } | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TImportForm>({ resolver: zodResolver(ZImportForm) });

  const preview = useMutation({
    mutationFn: async (file: File) => ({
      file,
      preview: await trpcClient.catalogue.previewImport.mutate(await upload(file)),
    }),
    onSuccess: setPreviewed,
  });
  const apply = useMutation({
    mutationFn: async ({ validRowsOnly }: { validRowsOnly: boolean }) => {
      if (!previewed) throw new Error("no preview");
      return trpcClient.catalogue.applyImport.mutate({
        file: await upload(previewed.file),
        planHash: previewed.preview.planHash,
        validRowsOnly,
      });
    },
    // The catalogue screen and the pickers read the new items.
    onSuccess: () => queryClient.invalidateQueries(),
  });

  const onTemplate = () => {
    setTemplateError(null);
    queryClient
      .fetchQuery(trpc.catalogue.template.queryOptions())
      .then((template) => downloadCsv(template.fileName, template.csv))
      .catch((error: unknown) => setTemplateError(errorMessage(error)));
  };

  const plan = previewed?.preview ?? null;
  const busy = preview.isPending || apply.isPending;
  const pending = plan !== null && !apply.isSuccess;
  const hasWork = plan !== null && plan.added.length + plan.changed.length + plan.retired.length > 0;
  const canApplyAll = pending && hasWork && plan.refused.length === 0;
  const canApplyValid = pending && hasWork && plan.refused.length > 0;
  const failure = preview.error ?? apply.error;
  const fileError = errors.files?.message ?? (failure ? Object.values(serverFieldErrors(failure))[0] : undefined);

  return (
    <>
      <PageHeading title={t.importTitle} />
      <p className="muted">{t.importIntro}</p>
      <p>
        <Link to="/catalog">{t.backToCatalog}</Link>
      </p>
      <section className="panel">
        <form
          className="form"
          noValidate
          onSubmit={(event) =>
            void handleSubmit((form) => {
              const file = form.files[0];
              if (file) preview.mutate(file);
            })(event)
          }
        >
          <ImportFileField
            id="catalogue-file"
            label={t.fileLabel}
            templateHelp={t.templateHelp}
            templateLabel={t.template}
            onTemplate={onTemplate}
            error={fileError}
            registration={register("files", {
              onChange: () => {
                setPreviewed(null);
                preview.reset();
                apply.reset();
              },
            })}
          />
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.preview}
            </button>
            <button
              type="button"
              className="btn btn-accent"
              disabled={busy || !canApplyAll}
              onClick={() => apply.mutate({ validRowsOnly: false })}
            >
              {t.applyAll}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={busy || !canApplyValid}
              onClick={() => apply.mutate({ validRowsOnly: true })}
            >
              {t.applyValid}
            </button>
          </div>
          {pending && plan.refused.length > 0 ? <p className="muted small">{t.applyAllHint}</p> : null}
          <InlineError message={templateError ?? (failure && !fileError ? errorMessage(failure) : null)} />
        </form>
        {busy ? (
          <p className="status-line" role="status">
            {preview.isPending ? t.previewing : t.applying}
          </p>
        ) : null}
        {apply.data ? <ImportApplied applied={apply.data} /> : null}
        {plan ? <ImportPreview preview={plan} /> : null}
      </section>
    </>
  );
}
