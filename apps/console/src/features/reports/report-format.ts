import { strings } from "../../lib/strings";

const dateTimeFormat = new Intl.DateTimeFormat(strings.locale, {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/**
 * Hall-local (Asia/Shanghai) date and time of an ISO instant, as a report states when it was made.
 * @example formatDateTime("2023-07-01T01:00:00.000Z") // "2023/07/01 09:00"
 */
export function formatDateTime(iso: string | null): string {
  if (!iso) return strings.app.dash;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? strings.app.dash : dateTimeFormat.format(date);
}

export type TDownloadFormat = "pdf" | "xlsx" | "csv";

/** Where apps/server serves a month's export; the session cookie authorises it. */
export function downloadUrl(hallId: number, month: string, format: TDownloadFormat, version: number | null): string {
  const query = version === null ? "" : `?version=${String(version)}`;
  return `/reports/${String(hallId)}/${month}.${format}${query}`;
}
