import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { addCalendarDays } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { hallToday } from "../../lib/period";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { ProvinceConfigForm } from "./ProvinceConfigForm";
import { ReconciliationTable, RejectedTable } from "./ProvinceTables";
import { provinceStrings } from "./strings";

const t = provinceStrings;
const RECONCILIATION_DAYS = 14;
/** The sender runs every ten seconds; the figures follow a little behind. */
const REFRESH_MS = 30_000;

/** 省级对接 (administrators edit; hall managers and auditors read): settings, daily reconciliation, refusals. */
export function ProvincePage() {
  const queryClient = useQueryClient();
  const canEdit = useMayCall("province.updateConfig");
  const canRequeue = useMayCall("province.requeue");
  const today = hallToday();
  const period = { from: addCalendarDays(today, -(RECONCILIATION_DAYS - 1)), to: today };

  const config = useQuery(trpc.province.config.queryOptions());
  const reconciliation = useQuery(trpc.province.reconciliation.queryOptions(period, { refetchInterval: REFRESH_MS }));
  const rejected = useQuery(trpc.province.rejected.queryOptions({ limit: 100 }, { refetchInterval: REFRESH_MS }));
  const invalidate = () => queryClient.invalidateQueries(trpc.province.pathFilter());
  const save = useMutation(trpc.province.updateConfig.mutationOptions({ onSuccess: invalidate }));
  const requeue = useMutation(trpc.province.requeue.mutationOptions({ onSuccess: invalidate }));

  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      <section className="panel" aria-labelledby="province-config-heading">
        <h2 id="province-config-heading">{t.configSection}</h2>
        <QueryView query={config}>
          {(value) => (
            <ProvinceConfigForm
              value={value}
              editable={canEdit}
              pending={save.isPending}
              error={save.isError ? errorMessage(save.error) : null}
              saved={save.isSuccess}
              onSubmit={(next) => save.mutate(next)}
            />
          )}
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="province-reconciliation-heading">
        <h2 id="province-reconciliation-heading">{t.reconciliationSection}</h2>
        <QueryView query={reconciliation}>{(rows) => <ReconciliationTable rows={rows} />}</QueryView>
      </section>
      <section className="panel" aria-labelledby="province-rejected-heading">
        <h2 id="province-rejected-heading">{t.rejectedSection}</h2>
        <InlineError message={requeue.isError ? errorMessage(requeue.error) : null} />
        <QueryView query={rejected}>
          {(rows) => (
            <RejectedTable
              rows={rows}
              canRequeue={canRequeue}
              busyId={requeue.isPending ? requeue.variables.id : null}
              onRequeue={(id) => requeue.mutate({ id })}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}
