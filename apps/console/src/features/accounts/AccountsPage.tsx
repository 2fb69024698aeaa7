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
import { PasswordReveal, type THandedOver } from "./PasswordReveal";
import { accountsStrings } from "./strings";

/** The form open on the page: a new account, or one being edited. */
type TEditing = { kind: "new" } | { kind: "edit"; account: TAccountRow };
/** An act asked once more before it happens. */
type TConfirming = { kind: "reset" | "link" | "disable"; account: TAccountRow };

/** The answer of a create or a reset as the reveal shows it; the link's path made an address of this console's host. */
function handedOverOf(result: {
  initialPassword: string | null;
  passwordLink: { path: string; expiresAt: string } | null;
}): THandedOver {
  if (result.passwordLink)
    return {
      link: {
        url: new URL(result.passwordLink.path, window.location.origin).href,
        expiresAt: result.passwordLink.expiresAt,
      },
    };
  return { password: result.initialPassword ?? "" };
}

const CONFIRM_TEXTS = {
  reset: { title: accountsStrings.resetTitle, body: accountsStrings.resetBody, confirm: accountsStrings.resetConfirm },
  link: { title: accountsStrings.linkTitle, body: accountsStrings.linkBody, confirm: accountsStrings.linkConfirm },
  disable: {
    title: accountsStrings.disableTitle,
    body: accountsStrings.disableBody,
    confirm: accountsStrings.disableConfirm,
  },
} as const;

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
  const [revealed, setRevealed] = useState<{ username: string; handedOver: THandedOver } | null>(null);
  const invalidate = () => queryClient.invalidateQueries(trpc.account.pathFilter());
  const closeForm = () => setEditing(null);
  const create = useMutation(
    trpc.account.create.mutationOptions({
      onSuccess: (result, input) => {
        setRevealed({ username: input.username, handedOver: handedOverOf(result) });
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
        onSubmit={({ username: _fixed, handover: _notOnEdit, ...fields }) =>
          update.mutate({ userId: account.id, account: fields })
        }
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
        <PasswordReveal
          username={revealed.username}
          handedOver={revealed.handedOver}
          onDismiss={() => setRevealed(null)}
        />
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
              onLink={(account) => setConfirming({ kind: "link", account })}
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
          title={CONFIRM_TEXTS[confirming.kind].title(confirming.account.username)}
          body={CONFIRM_TEXTS[confirming.kind].body}
          confirmLabel={CONFIRM_TEXTS[confirming.kind].confirm}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { kind, account } = confirming;
            [reset, disable, enable].forEach((mutation) => mutation.reset());
            if (kind === "disable") disable.mutate({ userId: account.id });
            else
              reset.mutate(
                { userId: account.id, handover: kind === "reset" ? "password" : "link" },
                {
                  onSuccess: (result) => setRevealed({ username: account.username, handedOver: handedOverOf(result) }),
                },
              );
            setConfirming(null);
          }}
        />
      ) : null}
    </>
  );
}
