import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { AuditFilters, EMPTY_AUDIT_FILTERS, type TAuditFilterValues } from "./AuditFilters";
import { AuditTable } from "./AuditTable";
import { auditStrings } from "./strings";
import { VerifyResult } from "./VerifyResult";

import "./audit.css";

const PAGE_SIZE = 50;

/** Only the filters given: the API reads an empty string as "filter by empty". */
function listInput(filters: TAuditFilterValues) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== "")) as Partial<TAuditFilterValues>;
}

/** 审计日志 (administrators, 督查): the trail newest first, with filters and 校验. */
export function AuditPage() {
  const t = auditStrings.page;
  const [filters, setFilters] = useState<TAuditFilterValues>(EMPTY_AUDIT_FILTERS);
  const records = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...listInput(filters), limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextBeforeId ?? undefined },
    ),
  );
  // Verifying re-reads the list too: a record changed since it was loaded shows as it is now.
  const verify = useMutation(trpc.audit.verify.mutationOptions({ onSuccess: () => void records.refetch() }));
  const rows = records.data?.pages.flatMap((page) => page.rows);
  const actions = records.data?.pages[0]?.actions ?? [];
  const brokenId = verify.data && !verify.data.ok ? verify.data.brokenAt.id : null;

  return (
    <>
      <PageHeading title={t.title}>
        <button
          type="button"
          className="btn btn-primary"
          disabled={verify.isPending}
          aria-busy={verify.isPending || undefined}
          onClick={() => verify.mutate()}
        >
          {verify.isPending ? t.verifying : t.verify}
        </button>
      </PageHeading>
      <p className="muted">{t.intro}</p>
      {verify.data ? <VerifyResult result={verify.data} /> : null}
      <InlineError message={verify.isError ? errorMessage(verify.error) : undefined} />
      <section className="panel" aria-labelledby="audit-records-heading">
        <h2 id="audit-records-heading">{t.title}</h2>
        <AuditFilters key={JSON.stringify(filters)} actions={actions} value={filters} onApply={setFilters} />
        <QueryView query={{ ...records, data: rows }}>
          {(data) => (
            <>
              <AuditTable rows={data} brokenId={brokenId} />
              {records.hasNextPage ? (
                <button
                  type="button"
                  className="btn btn-secondary"
                  disabled={records.isFetchingNextPage}
                  onClick={() => void records.fetchNextPage()}
                >
                  {records.isFetchingNextPage ? t.loadingMore : t.more}
                </button>
              ) : null}
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
