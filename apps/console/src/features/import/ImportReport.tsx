import { ProgressBar } from "../../components/ProgressBar";
import { InlineError } from "../../components/StatusMessages";
import { Table } from "../../components/Table";
import type { TImportView } from "./import-types";
import { importStrings } from "./strings";

const t = importStrings;

/** A running job's progress. */
function Progress({ job }: { job: TImportView }) {
  return (
    <ProgressBar
      id="import-progress-bar"
      className="import-progress"
      testId="import-progress"
      label={t.progressLabel(job.mode === "validate")}
      percent={job.progress}
      text={t.progressText(job.progress)}
    />
  );
}

function Outcome({ job }: { job: TImportView }) {
  if (job.status === "running") return <Progress job={job} />;
  if (job.status === "interrupted") return <InlineError message={t.interrupted} />;
  if (job.status === "refused" || job.status === "failed") return <InlineError message={job.failure} />;
  const text =
    job.mode === "validate"
      ? t.checked(job.totalRows, job.validRows, job.errorRows)
      : t.imported(job.createdRows, job.updatedRows, job.unchangedRows, job.errorRows);
  return (
    <p className={`notice ${job.errorRows > 0 ? "notice-warning" : "notice-success"}`} role="status">
      {text}
    </p>
  );
}

/** Every problem of every row: row number, the template's column, the message. */
function ImportErrorTable({ job }: { job: TImportView }) {
  if (job.errors.length === 0) return null;
  return (
    <section aria-labelledby="import-errors-heading">
      <h2 id="import-errors-heading">{t.errorsHeading}</h2>
      {job.errorCount > job.errors.length ? (
        <p className="muted small">{t.errorsShown(job.errors.length, job.errorCount)}</p>
      ) : null}
      <Table scroll="tall" caption={t.errorsHeading} columns={[t.columns.row, t.columns.column, t.columns.message]}>
        {job.errors.map((error, index) => (
          <tr key={`${String(error.row)}-${error.field}-${String(index)}`}>
            <th scope="row">{t.rowNo(error.row)}</th>
            <td>{error.column}</td>
            <td>{error.message}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/** Where a job stands: its progress while it runs, then its counts and the rows in error. */
export function ImportReport({ job }: { job: TImportView | null }) {
  if (!job) return null;
  return (
    <div className="import-report">
      <Outcome job={job} />
      <ImportErrorTable job={job} />
    </div>
  );
}
