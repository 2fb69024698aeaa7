import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { windowStrings } from "./strings";
import { EMPTY_WINDOW, windowFields, WindowForm } from "./WindowForm";
import { WindowTable, type TWindowRow } from "./WindowTable";

/** The form open on the page: a new window, or one being edited (its stored values loaded). */
type TEditing = { kind: "new" } | { kind: "edit"; windowId: number; code: string };

/** 窗口管理: readers see the floor; administrators and hall managers keep it. */
export function WindowsPage() {
  const t = windowStrings;
  const queryClient = useQueryClient();
  const canManage = useMayCall("windowAdmin.create");
  const windows = useQuery(trpc.windowAdmin.list.queryOptions());
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [retiring, setRetiring] = useState<TWindowRow | null>(null);
  const stored = useQuery(
    trpc.windowAdmin.byId.queryOptions(
      { windowId: editing?.kind === "edit" ? editing.windowId : 0 },
      { enabled: editing?.kind === "edit" },
    ),
  );
  const invalidate = () => queryClient.invalidateQueries(trpc.windowAdmin.pathFilter());
  const closeForm = () => setEditing(null);
  const create = useMutation(
    trpc.windowAdmin.create.mutationOptions({ onSuccess: () => void invalidate().then(closeForm) }),
  );
  const update = useMutation(
    trpc.windowAdmin.update.mutationOptions({ onSuccess: () => void invalidate().then(closeForm) }),
  );
  const retire = useMutation(trpc.windowAdmin.retire.mutationOptions({ onSuccess: () => void invalidate() }));
  const departmentNames = new Map((departments.data ?? []).map((department) => [department.id, department.name]));

  const form = (() => {
    if (!editing || !departments.data) return null;
    if (editing.kind === "new")
      return (
        <WindowForm
          key="new"
          title={t.addTitle}
          value={EMPTY_WINDOW}
          departments={departments.data}
          pending={create.isPending}
          error={create.isError ? errorMessage(create.error) : null}
          onSubmit={(window) => create.mutate(window)}
          onCancel={closeForm}
        />
      );
    if (stored.data?.id !== editing.windowId) return null;
    return (
      <WindowForm
        key={editing.windowId}
        title={t.editTitle(editing.code)}
        value={windowFields(stored.data.window)}
        departments={departments.data}
        pending={update.isPending}
        error={update.isError ? errorMessage(update.error) : null}
        onSubmit={(window) => update.mutate({ windowId: editing.windowId, window })}
        onCancel={closeForm}
      />
    );
  })();

  return (
    <>
      <PageHeading title={t.title}>
        {canManage ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              create.reset();
              setEditing({ kind: "new" });
            }}
          >
            {t.add}
          </button>
        ) : null}
      </PageHeading>
      <p className="muted small">{t.intro}</p>
      {form ? <section className="panel">{form}</section> : null}
      <section className="panel" aria-labelledby="windows-heading">
        <h2 id="windows-heading">{t.listSection}</h2>
        {retire.isError ? <InlineError message={errorMessage(retire.error)} /> : null}
        <QueryView query={windows}>
          {(rows) => (
            <WindowTable
              windows={rows}
              departmentName={(id) => departmentNames.get(id) ?? String(id)}
              canManage={canManage}
              onEdit={(row) => {
                update.reset();
                setEditing({ kind: "edit", windowId: row.id, code: row.code });
              }}
              onRetire={(row) => {
                retire.reset();
                setRetiring(row);
              }}
            />
          )}
        </QueryView>
      </section>
      {retiring ? (
        <ConfirmDialog
          title={t.retireTitle(retiring.code)}
          body={t.retireBody}
          confirmLabel={t.retireConfirm}
          onCancel={() => setRetiring(null)}
          onConfirm={() => {
            retire.mutate({ windowId: retiring.id });
            setRetiring(null);
          }}
        />
      ) : null}
    </>
  );
}
