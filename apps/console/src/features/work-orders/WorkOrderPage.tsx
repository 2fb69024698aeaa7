import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";

import { WORK_ORDER_ACTIONS } from "@hcp/domain";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { appCodeOf, errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { RevealContact } from "../audit/RevealContact";
import { useCurrentUser } from "../auth/useCurrentUser";
import { nextActorText } from "./NextStep";
import { workOrderStrings } from "./strings";
import { WorkOrderActionForm } from "./WorkOrderActionForm";
import { WorkOrderView } from "./WorkOrderView";

/** Refusals that mean the screen is stale: someone else moved the order, so show 刷新. */
const STALE_CODES: readonly string[] = [
  "WORK_ORDER_CONFLICT",
  "WORK_ORDER_TRANSITION_INVALID",
  "EXTENSION_ALREADY_USED",
  "EXTENSION_NOT_REQUESTED",
];

/** One 差评工单: the rating, the case, the timeline, and the steps the signed-in role may take. */
export function WorkOrderPage({ id }: { id: number }) {
  const t = workOrderStrings;
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const valid = Number.isInteger(id) && id > 0;

  const order = useQuery(trpc.workOrder.byId.queryOptions({ id }, { enabled: valid }));
  const act = useMutation(
    trpc.workOrder.act.mutationOptions({
      // The queue, this order and the figures all change with a step.
      onSuccess: () => queryClient.invalidateQueries(trpc.workOrder.pathFilter()),
    }),
  );

  const refresh = () => {
    act.reset();
    void queryClient.invalidateQueries(trpc.workOrder.pathFilter());
  };
  const code = act.isError ? appCodeOf(act.error) : null;
  const title = order.data
    ? t.orderTitle(order.data.case.caseNo)
    : user?.role === "window_staff"
      ? t.titleMine
      : t.title;

  return (
    <>
      <PageHeading title={title}>
        <Link to="/work-orders" className="back-link">
          {t.backToQueue}
        </Link>
      </PageHeading>
      {!valid ? (
        <p className="notice notice-error" role="alert">
          {t.notFound}
        </p>
      ) : (
        <QueryView query={order}>
          {(data) => (
            <>
              <WorkOrderView
                order={data}
                renderContact={(field, masked) => (
                  <RevealContact caseId={data.case.caseId} field={field} masked={masked} />
                )}
              />
              <section className="panel" aria-labelledby="wo-action-heading">
                <h2 id="wo-action-heading">{t.actionSection}</h2>
                {act.isSuccess ? (
                  <p className="notice notice-success" role="status">
                    {t.done(WORK_ORDER_ACTIONS[act.variables.action])}
                  </p>
                ) : null}
                <WorkOrderActionForm
                  // A new version (after a step, a refresh or an escalation) starts a clean form.
                  key={`${data.id}:${data.version}`}
                  workOrderId={data.id}
                  version={data.version}
                  actions={data.actions}
                  pending={act.isPending}
                  error={act.isError ? errorMessage(act.error) : null}
                  waitingFor={nextActorText(data.next)}
                  onRefresh={code !== null && STALE_CODES.includes(code) ? refresh : undefined}
                  onSubmit={(values) => act.mutate(values)}
                />
              </section>
            </>
          )}
        </QueryView>
      )}
    </>
  );
}
