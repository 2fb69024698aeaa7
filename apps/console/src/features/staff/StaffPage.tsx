import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import type { TStaffAdminRow } from "../../lib/api-types";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useMayCall } from "../auth/useMayCall";
import { PhotoUpload } from "./PhotoUpload";
import { EMPTY_STAFF, StaffForm, storedStaffFields } from "./StaffForm";
import { StaffTable } from "./StaffTable";
import { staffStrings } from "./strings";

type TEditing = { kind: "new" } | { kind: "edit"; staff: TStaffAdminRow };

/** 工作人员: readers see the staff (a department head their department's); administrators and hall managers keep them. */
export function StaffPage() {
  const t = staffStrings;
  const queryClient = useQueryClient();
  const canManage = useMayCall("staff.create");
  const staff = useQuery(trpc.staff.list.queryOptions());
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const windows = useQuery(trpc.window.list.queryOptions());
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [leaving, setLeaving] = useState<TStaffAdminRow | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.staff.pathFilter());
  const closeForm = () => setEditing(null);
  const create = useMutation(trpc.staff.create.mutationOptions({ onSuccess: () => void invalidate().then(closeForm) }));
  const update = useMutation(trpc.staff.update.mutationOptions({ onSuccess: () => void invalidate().then(closeForm) }));
  const leave = useMutation(trpc.staff.leave.mutationOptions({ onSuccess: () => void invalidate() }));
  const upload = useMutation(trpc.staff.uploadPhoto.mutationOptions({ onSuccess: () => void invalidate() }));
  const windowCodes = new Map((windows.data ?? []).map((window) => [window.id, window.code]));
  const rows = staff.data ?? [];
  const expired = rows.filter((row) => row.active && row.certificateState === "expired").length;
  const expiring = rows.filter((row) => row.active && row.certificateState === "expiring").length;

  const form = (() => {
    if (!editing || !departments.data || !windows.data) return null;
    const common = { departments: departments.data, windows: windows.data, onCancel: closeForm };
    if (editing.kind === "new")
      return (
        <StaffForm
          key="new"
          title={t.addTitle}
          value={EMPTY_STAFF}
          phoneMasked={null}
          pending={create.isPending}
          error={create.isError ? errorMessage(create.error) : null}
          onSubmit={(values) => create.mutate(values)}
          {...common}
        />
      );
    return (
      <StaffForm
        key={editing.staff.id}
        title={t.editTitle(editing.staff.badgeNo)}
        value={storedStaffFields(editing.staff)}
        phoneMasked={editing.staff.phoneMasked}
        pending={update.isPending}
        error={update.isError ? errorMessage(update.error) : null}
        onSubmit={(values) => update.mutate({ staffId: editing.staff.id, staff: values })}
        {...common}
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
      {expired + expiring > 0 ? (
        <p className="notice notice-warning" role="status" data-testid="certificate-warning">
          {t.warning(expired, expiring)}
        </p>
      ) : null}
      {form ? <section className="panel">{form}</section> : null}
      <section className="panel" aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t.listSection}</h2>
        {leave.isError ? <InlineError message={errorMessage(leave.error)} /> : null}
        <QueryView query={staff}>
          {(list) => (
            <StaffTable
              staff={list}
              windowLabel={(id) => windowCodes.get(id) ?? `#${id}`}
              canManage={canManage}
              onEdit={(member) => {
                update.reset();
                setEditing({ kind: "edit", staff: member });
              }}
              onLeave={(member) => {
                leave.reset();
                setLeaving(member);
              }}
              extraActions={(member) => (
                <PhotoUpload
                  staffName={member.name}
                  pending={upload.isPending && upload.variables.staffId === member.id}
                  error={upload.isError && upload.variables.staffId === member.id ? errorMessage(upload.error) : null}
                  onUpload={(content) => upload.mutate({ staffId: member.id, content })}
                />
              )}
            />
          )}
        </QueryView>
      </section>
      {leaving ? (
        <ConfirmDialog
          title={t.leaveTitle(leaving.name)}
          body={t.leaveBody}
          confirmLabel={t.leaveConfirm}
          onCancel={() => setLeaving(null)}
          onConfirm={() => {
            leave.mutate({ staffId: leaving.id });
            setLeaving(null);
          }}
        />
      ) : null}
    </>
  );
}
