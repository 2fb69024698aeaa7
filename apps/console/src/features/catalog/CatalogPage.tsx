import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { Refreshing } from "../../components/Refreshing";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { CATALOG_PAGE_SIZE, type TCatalogSearch } from "./catalog-search";
import { DepartmentList } from "./DepartmentList";
import { ItemSearchForm } from "./ItemSearchForm";
import { ItemTable } from "./ItemTable";
import { catalogStrings } from "./strings";

export interface CatalogPageProps {
  search: TCatalogSearch;
  onSearchChange: (search: TCatalogSearch) => void;
}

/** 事项目录: the hall's departments and a searchable, paged table of its service items. */
export function CatalogPage({ search, onSearchChange }: CatalogPageProps) {
  const t = catalogStrings;
  const page = search.page ?? 1;
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const items = useQuery(
    trpc.catalogue.items.queryOptions(
      { search: search.q, departmentId: search.dept, status: search.status, page, pageSize: CATALOG_PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  // Administrators keep the catalogue: new items, the province's file, each item's form.
  const editable = useMayCall("catalogue.create");

  return (
    <>
      <PageHeading title={t.title} />
      {editable ? (
        <div className="form-actions">
          <Link to="/catalogue-item" className="btn btn-primary">
            {t.newItem}
          </Link>
          <Link to="/catalogue-import" className="btn btn-secondary">
            {t.importItems}
          </Link>
        </div>
      ) : null}
      <div className="catalog-layout">
        <section className="panel catalog-departments" aria-labelledby="departments-heading">
          <h2 id="departments-heading">{t.departmentsSection}</h2>
          <QueryView query={departments}>
            {(rows) => (
              <DepartmentList
                departments={rows}
                selectedId={search.dept ?? null}
                onSelect={(dept) => onSearchChange({ q: search.q, dept: dept ?? undefined, status: search.status })}
              />
            )}
          </QueryView>
        </section>

        <section className="panel catalog-items" aria-labelledby="items-heading">
          <h2 id="items-heading">{t.itemsSection}</h2>
          <ItemSearchForm
            // Remount once the department options exist, so a department from the URL shows as selected.
            key={departments.data ? "ready" : "loading"}
            departments={departments.data ?? []}
            value={{
              search: search.q ?? "",
              departmentId: search.dept ? String(search.dept) : "",
              status: search.status ?? "active",
            }}
            onSubmit={(values) =>
              onSearchChange({
                q: values.search === "" ? undefined : values.search,
                dept: values.departmentId === "" ? undefined : Number(values.departmentId),
                status: values.status === "active" ? undefined : values.status,
              })
            }
          />
          <QueryView query={items}>
            {(data) => (
              <Refreshing when={items.isPlaceholderData}>
                <ItemTable
                  editable={editable}
                  items={data.items}
                  total={data.total}
                  page={page}
                  pageSize={CATALOG_PAGE_SIZE}
                  onPageChange={(next) => onSearchChange({ ...search, page: next })}
                />
              </Refreshing>
            )}
          </QueryView>
        </section>
      </div>
    </>
  );
}
