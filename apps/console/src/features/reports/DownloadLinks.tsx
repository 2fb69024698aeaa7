import { downloadUrl, type TDownloadFormat } from "./report-downloads";
import { reportStrings } from "./strings";

export interface DownloadLinksProps {
  hallId: number;
  month: string;
  /** the archived version on screen; null downloads what the server holds as current */
  version: number | null;
  /** the rating rows are hall-wide: a department head is not offered them */
  withCsv: boolean;
}

/**
 * PDF, XLSX and CSV of the report on screen, and the browser's print (with the print stylesheet).
 * All three name the version on screen: the CSV of an archived version holds the rows it counted.
 */
export function DownloadLinks({ hallId, month, version, withCsv }: DownloadLinksProps) {
  const t = reportStrings;
  const links: { format: TDownloadFormat; label: string }[] = [
    { format: "pdf", label: t.downloadPdf },
    { format: "xlsx", label: t.downloadXlsx },
    ...(withCsv ? [{ format: "csv" as const, label: t.downloadCsv }] : []),
  ];
  return (
    <div className="report-downloads" role="group" aria-label={t.downloadsSection}>
      {links.map((link) => (
        <a
          key={link.format}
          className="btn btn-secondary"
          href={downloadUrl(hallId, month, link.format, version)}
          download
        >
          {link.label}
        </a>
      ))}
      <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
        {t.print}
      </button>
      <p className="muted small">{t.downloadsHelp}</p>
    </div>
  );
}
