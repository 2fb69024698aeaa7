import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { DepartmentForm } from "./DepartmentForm";
import { retireErrorMessage } from "./departments-errors";
import { DepartmentTable, type TDepartmentRow } from "./DepartmentTable";
import { departmentStrings as t } from "./strings";

/** 部门管理: administrators create, edit, retire and restore departments; managers, heads and 督查 read. */
export function DepartmentsPage() {
  const queryClient = useQueryClient();
  const editable = useCurrentUser()?.role === "admin";
  const departments = useQuery(trpc.department.list.queryOptions());
  const [editing, setEditing] = useState<TDepartmentRow | null>(null);
  const [retiring, setRetiring] = useState<TDepartmentRow | null>(null);
  // Every picker (catalogue, filters, desk) reads catalog.departments: refreshed with the list.
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.department.pathFilter()),
      queryClient.invalidateQueries(trpc.catalog.departments.pathFilter()),
    ]);
  const create = useMutation(trpc.department.create.mutationOptions({ onSuccess: () => void invalidate() }));
  const update = useMutation(
    trpc.department.update.mutationOptions({
      onSuccess: () => {
        setEditing(null);
        void invalidate();
      },
    }),
  );
  const retire = useMutation(trpc.department.retire.mutationOptions({ onSuccess: () => void invalidate() }));
  const restore = useMutation(trpc.department.restore.mutationOptions({ onSuccess: () => void invalidate() }));
  const busyId = retire.isPending ? retire.variables.id : restore.isPending ? restore.variables.id : null;
  const rowError = retire.isError
    ? retireErrorMessage(retire.error)
    : restore.isError
      ? errorMessage(restore.error)
      : null;

  return (
    <>
      <PageHeading title={t.title} />
      <p className="muted">{t.intro}</p>
      <section className="panel" aria-labelledby="departments-heading">
        <h2 id="departments-heading">{t.listSection}</h2>
        <InlineError message={rowError} />
        <QueryView query={departments}>
          {(rows) => (
            <DepartmentTable
              departments={rows}
              editable={editable}
              busyId={busyId}
              onEdit={(department) => {
                update.reset();
                setEditing(department);
              }}
              onRetire={(department) => {
                restore.reset();
                retire.reset();
                setRetiring(department);
              }}
              onRestore={(department) => {
                retire.reset();
                restore.mutate({ id: department.id });
              }}
            />
          )}
        </QueryView>
        {editable ? null : <p className="muted">{t.readOnly}</p>}
      </section>
      {editable && editing ? (
        <section className="panel" aria-labelledby="department-edit-heading">
          <h2 id="department-edit-heading">{t.editSection(editing.name)}</h2>
          <DepartmentForm
            key={editing.id}
            value={editing}
            pending={update.isPending}
            error={update.isError ? errorMessage(update.error) : null}
            done={null}
            onSubmit={(fields) => update.mutate({ id: editing.id, ...fields })}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : null}
      {editable ? (
        <section className="panel" aria-labelledby="department-create-heading">
          <h2 id="department-create-heading">{t.createSection}</h2>
          <DepartmentForm
            key={create.isSuccess ? `created-${create.data.id}` : "new"}
            pending={create.isPending}
            error={create.isError ? errorMessage(create.error) : null}
            done={create.isSuccess ? t.created : null}
            onSubmit={(fields) => create.mutate(fields)}
          />
        </section>
      ) : null}
      {retiring ? (
        <ConfirmDialog
          title={t.retireTitle(retiring.name)}
          body={t.retireBody}
          confirmLabel={t.retireConfirm}
          onConfirm={() => {
            retire.mutate({ id: retiring.id });
            setRetiring(null);
          }}
          onCancel={() => setRetiring(null)}
        />
      ) : null}
    </>
  );
}
