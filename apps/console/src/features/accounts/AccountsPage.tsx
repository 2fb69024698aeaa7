import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageHeading } from "../../components/PageHeading";
import { QueryView } from "../../components/QueryView";
import { InlineError } from "../../components/StatusMessages";
import type { TAccountRow } from "../../lib/api-types";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { accountFields, AccountForm, EMPTY_ACCOUNT } from "./AccountForm";
import { AccountTable } from "./AccountTable";
import { PasswordReveal } from "./PasswordReveal";
import { accountsStrings } from "./strings";

/** The form open on the page: a new account, or one being edited. */
type TEditing = { kind: "new" } | { kind: "edit"; account: TAccountRow };
/** An act asked once more before it happens. */
type TConfirming = { kind: "reset" | "disable"; account: TAccountRow };

/** 账号管理: administrators keep every account of the hall, hall managers those below them. */
export function AccountsPage() {
  const t = accountsStrings;
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const accounts = useQuery(trpc.account.list.queryOptions());
  const departments = useQuery(trpc.catalog.departments.queryOptions());
  const staff = useQuery(trpc.account.staffChoices.queryOptions());
  const [editing, setEditing] = useState<TEditing | null>(null);
  const [confirming, setConfirming] = useState<TConfirming | null>(null);
  const [revealed, setRevealed] = useState<{ username: string; password: string } | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.account.pathFilter());
  const closeForm = () => setEditing(null);
  const create = useMutation(
    trpc.account.create.mutationOptions({
      onSuccess: (result, input) => {
        setRevealed({ username: input.username, password: result.initialPassword });
        closeForm();
        void invalidate();
      },
    }),
  );
  const update = useMutation(
    trpc.account.update.mutationOptions({ onSuccess: () => void invalidate().then(closeForm) }),
  );
  const reset = useMutation(trpc.account.resetPassword.mutationOptions({ onSuccess: () => void invalidate() }));
  const disable = useMutation(trpc.account.disable.mutationOptions({ onSuccess: () => void invalidate() }));
  const enable = useMutation(trpc.account.enable.mutationOptions({ onSuccess: () => void invalidate() }));
  const acted = [reset, disable, enable].find((mutation) => mutation.isError);
  if (!user) return null;

  const form = (() => {
    if (!editing || !departments.data || !staff.data) return null;
    const shared = {
      actorRole: user.role,
      departments: departments.data,
      staff: staff.data,
      onCancel: closeForm,
    };
    if (editing.kind === "new")
      return (
        <AccountForm
          key="new"
          {...shared}
          title={t.addTitle}
          value={EMPTY_ACCOUNT}
          editing={false}
          userId={null}
          pending={create.isPending}
          error={create.isError ? errorMessage(create.error) : null}
          onSubmit={(account) => create.mutate(account)}
        />
      );
    const { account } = editing;
    return (
      <AccountForm
        key={account.id}
        {...shared}
        title={t.editTitle(account.username)}
        value={accountFields(account)}
        editing
        userId={account.id}
        pending={update.isPending}
        error={update.isError ? errorMessage(update.error) : null}
        onSubmit={({ username: _fixed, ...fields }) => update.mutate({ userId: account.id, account: fields })}
      />
    );
  })();

  return (
    <>
      <PageHeading title={t.title}>
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
      </PageHeading>
      <p className="muted small">{t.intro}</p>
      {revealed ? (
        <PasswordReveal username={revealed.username} password={revealed.password} onDismiss={() => setRevealed(null)} />
      ) : null}
      {form ? <section className="panel">{form}</section> : null}
      <section className="panel" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t.listSection}</h2>
        {acted ? <InlineError message={errorMessage(acted.error)} /> : null}
        <QueryView query={accounts}>
          {(rows) => (
            <AccountTable
              accounts={rows}
              onEdit={(account) => {
                update.reset();
                setEditing({ kind: "edit", account });
              }}
              onReset={(account) => setConfirming({ kind: "reset", account })}
              onDisable={(account) => setConfirming({ kind: "disable", account })}
              onEnable={(account) => {
                [reset, disable, enable].forEach((mutation) => mutation.reset());
                enable.mutate({ userId: account.id });
              }}
            />
          )}
        </QueryView>
      </section>
      {confirming ? (
        <ConfirmDialog
          title={
            confirming.kind === "reset"
              ? t.resetTitle(confirming.account.username)
              : t.disableTitle(confirming.account.username)
          }
          body={confirming.kind === "reset" ? t.resetBody : t.disableBody}
          confirmLabel={confirming.kind === "reset" ? t.resetConfirm : t.disableConfirm}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { kind, account } = confirming;
            [reset, disable, enable].forEach((mutation) => mutation.reset());
            if (kind === "reset")
              reset.mutate(
                { userId: account.id },
                {
                  onSuccess: (result) => setRevealed({ username: account.username, password: result.initialPassword }),
                },
              );
            else disable.mutate({ userId: account.id });
            setConfirming(null);
          }}
        />
      ) : null}
    </>
  );
}
