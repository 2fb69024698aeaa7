import { tracked } from "@trpc/server";

import { countCountyDevices } from "@hcp/db";
import {
  emptyTally,
  emptyWorkOrderTally,
  hallDate,
  mayCall,
  METRIC_DEFINITIONS_VERSION,
  sumTallies,
  type TPeriod,
  type TRatingTally,
  type TWorkOrderTally,
} from "@hcp/domain";

import { DEVICE_OFFLINE_AFTER_MS } from "../../device/list";
import { metricsView, type TMetricsView, type TUserContext } from "../../overview";
import { countyReach, countyTallies, countyWorkOrders, type TCountyReach } from "./figures";
import { hallRef, type TCountyHallRef } from "./hall-ranking";

/** One hall's (or the county's) figures of a period, as the hall's own live overview shows them. */
interface TCountyFigures {
  metrics: TMetricsView;
  /** work orders opened in the period and not yet closed, and of them those past a deadline */
  openWorkOrders: number;
  overdueWorkOrders: number;
}

interface TEvaluatorHealth {
  paired: number;
  offline: number;
}

export interface TCountyOverview {
  county: { id: number; areaCode: string; name: string };
  definitionsVersion: string;
  today: TPeriod;
  month: TPeriod;
  /** "county", or a county-wide department head's department */
  population: { scope: "county" | "department"; name: string };
  halls: {
    hall: TCountyHallRef;
    today: TCountyFigures;
    month: TCountyFigures;
    /** null: the caller may not read the evaluators (only administrators and hall managers may) */
    evaluators: TEvaluatorHealth | null;
  }[];
  total: { today: TCountyFigures; month: TCountyFigures; evaluators: TEvaluatorHealth | null };
}

function figures(tally: TRatingTally, orders: TWorkOrderTally): TCountyFigures {
  return { metrics: metricsView(tally), openWorkOrders: orders.open, overdueWorkOrders: orders.overdue };
}

async function periodFigures(ctx: TUserContext, reach: TCountyReach, period: TPeriod) {
  const [tallies, orders] = await Promise.all([
    countyTallies(ctx, reach, period, "hall"),
    countyWorkOrders(ctx, reach, period, "hall"),
  ]);
  const total = figures(
    sumTallies(tallies.values()),
    [...orders.values()].reduce(
      (sum, tally) => ({ ...sum, open: sum.open + tally.open, overdue: sum.overdue + tally.overdue }),
      emptyWorkOrderTally(),
    ),
  );
  const ofHall = (hallId: number) =>
    figures(tallies.get(hallId) ?? emptyTally(), orders.get(hallId) ?? emptyWorkOrderTally());
  return { ofHall, total };
}

/**
 * 全县概况: each hall's today and this month (cases, ratings, 好评率, 评价率, open and overdue work
 * orders, offline evaluators) and the county's total — the sum of the halls' counts, rates divided
 * once from those sums. Read from the rollups in a handful of statements for all halls.
 */
export async function countyOverview(ctx: TUserContext): Promise<TCountyOverview> {
  const reach = await countyReach(ctx);
  const today = hallDate(ctx.now());
  const day: TPeriod = { from: today, to: today };
  const month: TPeriod = { from: `${today.slice(0, 8)}01`, to: today };
  const seesDevices = mayCall(ctx.user.role, "device.list");
  const hallIds = reach.scope.halls.map((hall) => hall.id);
  const [todayFigures, monthFigures, devices] = await Promise.all([
    periodFigures(ctx, reach, day),
    periodFigures(ctx, reach, month),
    seesDevices
      ? countCountyDevices(ctx.db, hallIds, new Date(ctx.now().getTime() - DEVICE_OFFLINE_AFTER_MS))
      : Promise.resolve(null),
  ]);
  const evaluatorsOf = (hallId: number) => (devices ? (devices.get(hallId) ?? { paired: 0, offline: 0 }) : null);
  return {
    county: reach.scope.county,
    definitionsVersion: METRIC_DEFINITIONS_VERSION,
    today: day,
    month,
    population: { scope: reach.departmentIds ? "department" : "county", name: reach.populationName },
    halls: reach.scope.halls.map((hall) => ({
      hall: hallRef(hall),
      today: todayFigures.ofHall(hall.id),
      month: monthFigures.ofHall(hall.id),
      evaluators: evaluatorsOf(hall.id),
    })),
    total: {
      today: todayFigures.total,
      month: monthFigures.total,
      evaluators: devices
        ? [...devices.values()].reduce(
            (sum, hall) => ({ paired: sum.paired + hall.paired, offline: sum.offline + hall.offline }),
            { paired: 0, offline: 0 },
          )
        : null,
    },
  };
}

let eventSequence = 0;

/**
 * The county overview's feed: one stream of every county hall's "figures changed" events (the
 * halls' own live-overview events), opened by `ready`; the console re-reads the county figures.
 */
export async function* countyFeed(ctx: TUserContext, signal: AbortSignal | undefined) {
  const reach = await countyReach(ctx);
  const events = ctx.bus.listenHalls(
    reach.scope.halls.map((hall) => hall.id),
    signal,
  );
  yield tracked(`c${++eventSequence}`, { type: "ready" as const });
  for await (const [event] of events) {
    yield tracked(`c${++eventSequence}`, event);
  }
}
