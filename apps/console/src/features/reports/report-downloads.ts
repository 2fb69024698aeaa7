export type TDownloadFormat = "pdf" | "xlsx" | "csv";

/** Where apps/server serves a month's export; the session cookie authorises it. */
export function downloadUrl(hallId: number, month: string, format: TDownloadFormat, version: number | null): string {
  const query = version === null ? "" : `?version=${String(version)}`;
  return `/reports/${String(hallId)}/${month}.${format}${query}`;
}
