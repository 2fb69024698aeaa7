import { ProgressBar } from "../../components/ProgressBar";
import { InlineError } from "../../components/StatusMessages";
import type { TReportVersionRow } from "./report-types";
import { reportStrings } from "./strings";

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
  return (
    <ProgressBar
      id="generation-progress-bar"
      className="generation-progress"
      testId="generation-progress"
      label={t.progressLabel(version.version)}
      percent={version.progress}
      text={t.progressText(version.progress)}
    />
  );
}
