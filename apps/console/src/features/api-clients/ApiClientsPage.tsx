import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { ApiClientCreateForm } from "./ApiClientCreateForm";
import { ApiClientTable, type TApiClientRow } from "./ApiClientTable";
import { CallLog } from "./CallLog";
import { KeyReveal } from "./KeyReveal";
import { apiClientStrings as t } from "./strings";

/** 接口调用方 (administrators): business systems' API clients, their keys and call logs. */
export function ApiClientsPage() {
  const queryClient = useQueryClient();
  const clients = useQuery(trpc.apiClient.list.queryOptions());
  const halls = useQuery(trpc.apiClient.halls.queryOptions());
  const [selected, setSelected] = useState<TApiClientRow | null>(null);
  const calls = useQuery(trpc.apiClient.calls.queryOptions({ id: selected?.id ?? 0 }, { enabled: selected !== null }));
  // The key lives in this state only; dismissing it (and resetting the mutations) forgets it.
  const [issued, setIssued] = useState<{ clientName: string; key: string } | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.apiClient.list.pathFilter());
  const onIssued = (answer: { client: TApiClientRow; key: string }) => {
    setIssued({ clientName: answer.client.name, key: answer.key });
    void invalidate();
  };
  const create = useMutation(trpc.apiClient.create.mutationOptions({ onSuccess: onIssued }));
  const rotate = useMutation(trpc.apiClient.rotate.mutationOptions({ onSuccess: onIssued }));
  const revoke = useMutation(trpc.apiClient.revoke.mutationOptions({ onSuccess: () => void invalidate() }));

  const dismissKey = () => {
    setIssued(null);
    create.reset();
    rotate.reset();
  };
  const busyId = rotate.isPending ? rotate.variables.id : revoke.isPending ? revoke.variables.id : null;
  const rowError = rotate.isError
    ? { id: rotate.variables.id, message: errorMessage(rotate.error) }
    : revoke.isError
      ? { id: revoke.variables.id, message: errorMessage(revoke.error) }
      : null;
  const hallNames = new Map((halls.data ?? []).map((hall) => [hall.id, hall.name]));

  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      {issued ? <KeyReveal clientName={issued.clientName} apiKey={issued.key} onDismiss={dismissKey} /> : null}
      <section className="panel" aria-labelledby="api-clients-heading">
        <h2 id="api-clients-heading">{t.listSection}</h2>
        <QueryView query={clients}>
          {(rows) => (
            <ApiClientTable
              clients={rows}
              hallNames={hallNames}
              busyId={busyId}
              rowError={rowError}
              selectedId={selected?.id ?? null}
              onRotate={(client) => {
                if (!window.confirm(t.rotateConfirm(client.name))) return;
                revoke.reset();
                rotate.mutate({ id: client.id });
              }}
              onRevoke={(client) => {
                if (!window.confirm(t.revokeConfirm(client.name))) return;
                rotate.reset();
                revoke.mutate({ id: client.id });
              }}
              onShowCalls={setSelected}
            />
          )}
        </QueryView>
      </section>
      {selected ? (
        <section className="panel" aria-labelledby="api-calls-heading">
          <h2 id="api-calls-heading">{t.callsSection(selected.name)}</h2>
          <p className="muted small">{t.callsNote}</p>
          <QueryView query={calls}>{(rows) => <CallLog calls={rows} />}</QueryView>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="api-client-create-heading">
        <h2 id="api-client-create-heading">{t.createSection}</h2>
        <QueryView query={halls}>
          {(rows) => (
            <ApiClientCreateForm
              key={create.isSuccess ? "created" : "new"}
              halls={rows}
              pending={create.isPending}
              error={create.isError ? errorMessage(create.error) : null}
              onCreate={(input) => create.mutate(input)}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}
