import { hallDate, ZPeriod } from "@hcp/domain";
import type { TPeriod } from "@hcp/domain";

/** The demo hall's data covers this year; the overview offers it as a one-click preset. */
export const DEMO_YEAR = 2023;

export type TPresetKey = "today" | "month" | "demoYear";

export interface TPeriodSearch {
  from?: string;
  to?: string;
}

/** The hall-local date of today (Asia/Shanghai), by this device's clock. */
export function hallToday(now: Date = new Date()): string {
  return hallDate(now);
}

export function presetPeriod(key: TPresetKey, today: string): TPeriod {
  switch (key) {
    case "today":
      return { from: today, to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "demoYear":
      return { from: `${DEMO_YEAR}-01-01`, to: `${DEMO_YEAR}-12-31` };
  }
}

export function presetOf(period: TPeriod, today: string): TPresetKey | null {
  const keys: TPresetKey[] = ["today", "month", "demoYear"];
  return (
    keys.find((key) => {
      const preset = presetPeriod(key, today);
      return preset.from === period.from && preset.to === period.to;
    }) ?? null
  );
}

/** Only string values survive from the URL; anything else is treated as absent. */
export function parsePeriodSearch(search: Record<string, unknown>): TPeriodSearch {
  return {
    from: typeof search.from === "string" ? search.from : undefined,
    to: typeof search.to === "string" ? search.to : undefined,
  };
}

/**
 * The period a `?from=&to=` URL asks for: today when none is given, and today with `invalid`
 * set when the URL's period is malformed (so the page can say so instead of failing).
 */
export function periodFromSearch(search: TPeriodSearch, today: string): { period: TPeriod; invalid: boolean } {
  if (search.from === undefined && search.to === undefined) return { period: presetPeriod("today", today), invalid: false };
  const parsed = ZPeriod.safeParse({ from: search.from ?? search.to, to: search.to ?? search.from });
  return parsed.success ? { period: parsed.data, invalid: false } : { period: presetPeriod("today", today), invalid: true };
}
