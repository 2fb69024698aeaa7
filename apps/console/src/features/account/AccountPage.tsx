import { useMutation } from "@tanstack/react-query";

import { PageHeading } from "../../components/PageHeading";
import { errorMessage } from "../../lib/errors";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { PasswordChangeForm } from "./PasswordChangeForm";

/** 账号: every signed-in user changes their own password here. */
export function AccountPage() {
  const user = useCurrentUser();
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  if (!user) return null;
  return (
    <>
      <PageHeading title="修改密码" />
      <section className="panel" aria-label="修改密码">
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
