import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Refreshing } from "../../components/Refreshing";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { workOrderStrings } from "./strings";
import { filtersOf, listInput, searchOf, WORK_ORDER_PAGE_SIZE, type TWorkOrderSearch } from "./work-order-search";
import { WorkOrderFilters } from "./WorkOrderFilters";
import { WorkOrderTable } from "./WorkOrderTable";

export interface WorkOrdersPageProps {
  /** the filter and page live in the URL, so a filtered queue can be shared or bookmarked */
  search: TWorkOrderSearch;
  onSearchChange: (search: TWorkOrderSearch) => void;
}

/**
 * 差评工单: the bad-review queue. The API decides what each role sees (department heads their
 * department, window staff the reviews of themselves, managers, auditors and admins the hall).
 */
export function WorkOrdersPage({ search, onSearchChange }: WorkOrdersPageProps) {
  const t = workOrderStrings;
  const user = useCurrentUser();
  const role = user?.role;
  const hallWide = role === "admin" || role === "hall_manager" || role === "auditor";
  const isStaff = role === "window_staff";
  const page = search.page ?? 1;

  const list = useQuery(trpc.workOrder.list.queryOptions(listInput(search), { placeholderData: keepPreviousData }));
  const departments = useQuery(trpc.catalog.departments.queryOptions(undefined, { enabled: hallWide }));
  const windows = useQuery(trpc.window.list.queryOptions(undefined, { enabled: !isStaff }));

  return (
    <>
      <PageHeading title={isStaff ? t.titleMine : t.title} />
      <section className="panel" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t.filtersSection}</h2>
        {role === "department_head" ? <p className="notice notice-info">{t.scopeDepartment}</p> : null}
        {isStaff ? <p className="notice notice-info">{t.scopeStaff}</p> : null}
        <WorkOrderFilters
          // Remount once the options exist, so a department or window from the URL shows as selected.
          key={`${departments.data ? "d" : "-"}${windows.data ? "w" : "-"}`}
          value={filtersOf(search)}
          departments={departments.data ?? []}
          windows={windows.data ?? []}
          showDepartment={hallWide}
          showWindow={!isStaff}
          onSubmit={(values) => onSearchChange(searchOf(values))}
        />
      </section>
      <section className="panel" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t.queueSection}</h2>
        <QueryView query={list}>
          {(data) => (
            <Refreshing when={list.isPlaceholderData}>
              <WorkOrderTable
                rows={data.rows}
                total={data.total}
                page={page}
                pageSize={WORK_ORDER_PAGE_SIZE}
                renderLink={(row) => (
                  <Link to="/work-orders/$id" params={{ id: String(row.id) }}>
                    {row.caseNo}
                  </Link>
                )}
                onPageChange={(next) => onSearchChange({ ...search, page: next })}
              />
            </Refreshing>
          )}
        </QueryView>
      </section>
    </>
  );
}
