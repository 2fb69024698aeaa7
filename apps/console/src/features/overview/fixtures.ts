import type { TMetrics, TPeriodOverview } from "../../lib/api-types";

/** Metrics whose `text` deliberately disagrees with num/den, to prove the UI shows `text`. */
export function metrics(overrides: Partial<TMetrics> = {}): TMetrics {
  return {
    casesCompleted: 243_000,
    casesRated: 55_000,
    ratings: 54_990,
    validRatings: 55_000,
    goodRatings: 54_950,
    badRatings: 50,
    byLevel: { 5: 50_000, 4: 4_000, 3: 950, 2: 30, 1: 20 },
    ratedRate: { num: 1, den: 3, text: "22.63%" },
    goodRate: { num: 1, den: 3, text: "99.91%" },
    activeGoodRate: { num: 1, den: 3, text: "99.90%" },
    badRate: { num: 1, den: 3, text: "0.09%" },
    score: { num: 1, den: 3, text: "97.31" },
    unratedRate: { num: 1, den: 3, text: "77.37%" },
    onTimeCompletionRate: { num: 1, den: 3, text: "99.69%" },
    meanHandlingHours: { num: 1, den: 3, text: "26.4" },
    promisedCompleted: 76_760,
    casesClosed: 243_000,
    casesClosedUnrated: 188_000,
    ...overrides,
  };
}

export function periodOverview(overrides: Partial<TPeriodOverview> = {}): TPeriodOverview {
  return {
    period: { from: "2023-01-01", to: "2023-12-31" },
    definitionsVersion: "2026.1",
    workingDays: 249,
    workingDaysProvisional: false,
    deadlinesProvisional: { onTimeCompletion: false, workOrders: false },
    calendarDays: 365,
    totals: metrics(),
    dailyAverage: { perWorkingDay: "975.9", perCalendarDay: "665.8" },
    windows: [],
    offWindow: metrics({ casesCompleted: 12_000 }),
    ...overrides,
  };
}
