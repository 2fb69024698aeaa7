import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState, type ReactNode } from "react";

import type { TPeriod } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Empty } from "../../components/StatusMessages";
import { hallToday, type TPeriodSearch } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { Breadcrumbs } from "./Breadcrumbs";
import { NamedMetricsTable } from "./NamedMetricsTable";
import { performancePeriod, type TRatingsSearch } from "./performance-search";
import { RatingList } from "./RatingList";
import { performanceStrings } from "./strings";

import "./performance.css";

const t = performanceStrings;

interface TDrillIds {
  windowId: number;
  staffId?: number;
  itemId?: number;
}

function usePeriod(search: TPeriodSearch): TPeriod {
  const [today] = useState(hallToday);
  return performancePeriod(search, today).period;
}

/** The names along the path, from the queries the previous steps filled (no extra requests there). */
function useNames(period: TPeriod, ids: TDrillIds) {
  const ranking = useQuery(trpc.performance.windows.queryOptions(period));
  const staff = useQuery(
    trpc.performance.staff.queryOptions({ ...period, windowId: ids.windowId }, { enabled: ids.staffId !== undefined }),
  );
  const items = useQuery(
    trpc.performance.items.queryOptions(
      { ...period, windowId: ids.windowId, staffId: ids.staffId },
      { enabled: ids.itemId !== undefined },
    ),
  );
  const window = ranking.data?.rows.find((row) => row.window.id === ids.windowId)?.window;
  return {
    window: window ? `${window.code} ${window.name}` : `#${ids.windowId}`,
    staff: staff.data?.find((row) => row.id === ids.staffId)?.name ?? `#${ids.staffId ?? ""}`,
    item: items.data?.find((row) => row.id === ids.itemId)?.name ?? `#${ids.itemId ?? ""}`,
  };
}

function DrillTrail({ period, ids }: { period: TPeriod; ids: TDrillIds }) {
  const names = useNames(period, ids);
  const windowId = String(ids.windowId);
  const steps: { key: string; label: string; link?: ReactNode }[] = [
    {
      key: "all",
      label: t.allWindows,
      link: (
        <Link to="/performance" search={period}>
          {t.allWindows}
        </Link>
      ),
    },
    {
      key: "window",
      label: names.window,
      link: (
        <Link to="/performance/windows/$windowId" params={{ windowId }} search={period}>
          {names.window}
        </Link>
      ),
    },
  ];
  if (ids.staffId !== undefined) {
    const staffId = String(ids.staffId);
    steps.push({
      key: "staff",
      label: names.staff,
      link: (
        <Link to="/performance/windows/$windowId/staff/$staffId" params={{ windowId, staffId }} search={period}>
          {names.staff}
        </Link>
      ),
    });
  }
  if (ids.itemId !== undefined) steps.push({ key: "item", label: names.item });
  return (
    <>
      <Breadcrumbs steps={steps} />
      <p className="period-summary" data-testid="performance-period">
        <strong>{t.period.summary(period.from, period.to)}</strong>
      </p>
    </>
  );
}

function InvalidIds() {
  return (
    <p className="notice notice-warning" role="alert">
      {t.notFound}
    </p>
  );
}

/** Step two: the staff who worked at a window in the period. */
export function WindowStaffPage({ search, windowId }: { search: TPeriodSearch; windowId: number }) {
  const period = usePeriod(search);
  const valid = Number.isInteger(windowId);
  const staff = useQuery(
    trpc.performance.staff.queryOptions({ ...period, windowId }, { enabled: valid, placeholderData: keepPreviousData }),
  );
  return (
    <div className="performance-screen">
      <PageHeading title={t.staffSection} />
      {valid ? (
        <>
          <DrillTrail period={period} ids={{ windowId }} />
          <section className="panel" aria-labelledby="staff-heading">
            <h2 id="staff-heading">{t.staffSection}</h2>
            <QueryView query={staff}>
              {(rows) =>
                rows.length === 0 ? (
                  <Empty label={t.noStaff} />
                ) : (
                  <NamedMetricsTable
                    kind="staff"
                    rows={rows}
                    renderName={(row) =>
                      row.id === null ? (
                        <span className="muted">{t.unknownStaff}</span>
                      ) : (
                        <Link
                          to="/performance/windows/$windowId/staff/$staffId"
                          params={{ windowId: String(windowId), staffId: String(row.id) }}
                          search={period}
                          data-testid="staff-link"
                        >
                          {row.name}
                        </Link>
                      )
                    }
                  />
                )
              }
            </QueryView>
          </section>
        </>
      ) : (
        <InvalidIds />
      )}
    </div>
  );
}

/** Step three: the service items a staff member handled at the window. */
export function StaffItemsPage({
  search,
  windowId,
  staffId,
}: {
  search: TPeriodSearch;
  windowId: number;
  staffId: number;
}) {
  const period = usePeriod(search);
  const valid = Number.isInteger(windowId) && Number.isInteger(staffId);
  const items = useQuery(
    trpc.performance.items.queryOptions(
      { ...period, windowId, staffId },
      { enabled: valid, placeholderData: keepPreviousData },
    ),
  );
  return (
    <div className="performance-screen">
      <PageHeading title={t.itemsSection} />
      {valid ? (
        <>
          <DrillTrail period={period} ids={{ windowId, staffId }} />
          <section className="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">{t.itemsSection}</h2>
            <QueryView query={items}>
              {(rows) =>
                rows.length === 0 ? (
                  <Empty label={t.noItems} />
                ) : (
                  <NamedMetricsTable
                    kind="items"
                    rows={rows}
                    renderName={(row) => (
                      <Link
                        to="/performance/windows/$windowId/staff/$staffId/items/$itemId"
                        params={{ windowId: String(windowId), staffId: String(staffId), itemId: String(row.id) }}
                        search={period}
                        data-testid="item-link"
                      >
                        {row.name}
                      </Link>
                    )}
                  />
                )
              }
            </QueryView>
          </section>
        </>
      ) : (
        <InvalidIds />
      )}
    </div>
  );
}

/** Step four: each rating of that item by that staff member at that window, with its case. */
export function ItemRatingsPage({
  search,
  windowId,
  staffId,
  itemId,
  onPageChange,
}: {
  search: TRatingsSearch;
  windowId: number;
  staffId: number;
  itemId: number;
  onPageChange: (page: number) => void;
}) {
  const period = usePeriod(search);
  const valid = Number.isInteger(windowId) && Number.isInteger(staffId) && Number.isInteger(itemId);
  const ratings = useQuery(
    trpc.performance.ratings.queryOptions(
      { ...period, windowId, staffId, serviceItemId: itemId, page: search.page ?? 1, pageSize: 50 },
      { enabled: valid, placeholderData: keepPreviousData },
    ),
  );
  return (
    <div className="performance-screen">
      <PageHeading title={t.ratingsSection} />
      {valid ? (
        <>
          <DrillTrail period={period} ids={{ windowId, staffId, itemId }} />
          <section className="panel" aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">{t.ratingsSection}</h2>
            <QueryView query={ratings}>
              {(page) => (
                <RatingList
                  page={page}
                  onPageChange={onPageChange}
                  renderWorkOrderLink={(row) => (
                    <Link to="/work-orders/$id" params={{ id: String(row.workOrderId) }}>
                      {t.workOrder}
                    </Link>
                  )}
                />
              )}
            </QueryView>
          </section>
        </>
      ) : (
        <InvalidIds />
      )}
    </div>
  );
}
