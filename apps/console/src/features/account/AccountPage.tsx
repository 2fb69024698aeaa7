import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { PageHeading } from "../../components/PageHeading";
import { errorMessage } from "../../lib/errors";
import { landingFor } from "../../lib/screens";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { setupPending } from "../setup/pending";
import { PasswordChangeForm } from "./PasswordChangeForm";
import { accountStrings } from "./strings";

/**
 * 账号: every signed-in user changes their own password here. After a one-time password (a new
 * account, a reset) this is the only page open until the user has chosen their own; then the
 * console opens at their home.
 */
export function AccountPage() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const forced = user?.mustChangePassword ?? false;
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        if (!user || !forced) return;
        queryClient.setQueryData(trpc.auth.me.queryKey(), (current) =>
          current ? { ...current, mustChangePassword: false } : current,
        );
        const changed = { ...user, mustChangePassword: false };
        await navigate({ to: landingFor(changed, await setupPending(queryClient, changed)), replace: true });
      },
    }),
  );
  if (!user) return null;
  return (
    <>
      <PageHeading title={accountStrings.title} />
      {forced ? (
        <p className="notice notice-info" role="status">
          {accountStrings.forced}
        </p>
      ) : null}
      <section className="panel" aria-label={accountStrings.title}>
        <PasswordChangeForm
          username={user.username}
          pending={change.isPending}
          error={change.isError ? errorMessage(change.error) : null}
          saved={change.isSuccess}
          onSubmit={(input) => change.mutate(input)}
        />
      </section>
    </>
  );
}
