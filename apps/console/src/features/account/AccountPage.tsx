import { useMutation } from "@tanstack/react-query";

import { PageHeading } from "../../components/PageHeading";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { PasswordChangeForm } from "./PasswordChangeForm";
import { accountStrings } from "./strings";

/** 账号: every signed-in user changes their own password here. */
export function AccountPage() {
  const user = useCurrentUser();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  if (!user) return null;
  return (
    <>
      <PageHeading title={accountStrings.title} />
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
