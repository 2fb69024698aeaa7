import { hallClockText } from "@hcp/domain";

import { strings } from "./strings";

const countFormat = new Intl.NumberFormat(strings.locale, { maximumFractionDigits: 0 });

/**
 * A count with digit grouping, as the hall writes it.
 * @example formatCount(1444) // "1,444"
 */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/**
 * Hall-local time of day of an ISO instant; the server's clock is authoritative.
 * @example formatTime("2023-05-08T01:30:00.000Z") // "09:30"
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? strings.app.dash : hallClockText(date);
}
