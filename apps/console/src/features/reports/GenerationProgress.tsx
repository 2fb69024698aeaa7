import { InlineError } from "../../components/StatusMessages";
import type { TReportVersionRow } from "./report-types";
import { reportStrings } from "./report-strings";

export interface GenerationProgressProps {
  /** the version being built, or the one that just finished */
  version: Pick<TReportVersionRow, "version" | "status" | "progress" | "error"> | null;
}

/** How far a version's generation has got, as a native progress bar with its figure in words. */
export function GenerationProgress({ version }: GenerationProgressProps) {
  const t = reportStrings;
  if (!version) return null;
  if (version.status === "failed") return <InlineError message={t.generatedFailed(version.version, version.error)} />;
  if (version.status === "ready") {
    return (
      <p className="notice notice-success" role="status">
        {t.generatedDone(version.version)}
      </p>
    );
  }
  const label = t.progressLabel(version.version);
  return (
    <div className="generation-progress" data-testid="generation-progress">
      <label htmlFor="generation-progress-bar">{label}</label>
      <progress id="generation-progress-bar" max={100} value={version.progress} aria-valuetext={t.progressText(version.progress)}>
        {t.progressText(version.progress)}
      </progress>
      <span role="status">{t.progressText(version.progress)}</span>
    </div>
  );
}
