import { hallDateMinuteText } from "@hcp/domain";

import { strings } from "../../lib/strings";

/**
 * Hall-local date and time of an ISO instant, whatever this device's zone.
 * @example formatDateTime("2023-05-08T01:30:00.000Z") // "2023/05/08 09:30"
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return strings.app.dash;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? strings.app.dash : hallDateMinuteText(date);
}
