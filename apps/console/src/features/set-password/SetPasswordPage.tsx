import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useNavigate } from "@tanstack/react-router";

import { hallDateMinuteText } from "@hcp/domain";

import { InlineError } from "../../components/StatusMessages";
import { usePageTitle } from "../../components/usePageTitle";
import { errorMessage } from "../../lib/errors";
import { landingFor } from "../../lib/screens";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { setupPending } from "../setup/pending";
import { SetPasswordForm } from "./SetPasswordForm";
import { setPasswordStrings as t } from "./strings";

/**
 * 设置密码: the page a set-password link opens, without a session. It names the account the link
 * opens; the owner chooses a password and is signed in, landing where a sign-in lands.
 */
export function SetPasswordPage() {
  usePageTitle(t.title);
  // The token travels in the link's fragment (`#…`): browsers never send it to a server or in a
  // Referer. Read from the router's location, a second link opened in the same tab is read too.
  const token = useLocation({ select: (location) => location.hash.replace(/^#/, "") });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const account = useQuery({ ...trpc.auth.passwordLink.queryOptions({ token }), enabled: token !== "", retry: false });
  const setPassword = useMutation(
    trpc.auth.setPasswordByLink.mutationOptions({
      onSuccess: async (user) => {
        // A new session: nothing cached before it may show through.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        await navigate({ to: landingFor(user, await setupPending(queryClient, user)), replace: true });
      },
    }),
  );

  const body = (() => {
    if (token === "") return <InlineError message={t.missing} />;
    if (account.isError) return <InlineError message={errorMessage(account.error)} />;
    if (!account.data) return <p className="muted">{t.checking}</p>;
    return (
      <>
        <p>{t.greeting(account.data.displayName, account.data.username)}</p>
        <p className="muted small">{t.expires(hallDateMinuteText(new Date(account.data.expiresAt)))}</p>
        <SetPasswordForm
          username={account.data.username}
          pending={setPassword.isPending}
          error={setPassword.isError ? errorMessage(setPassword.error) : null}
          onSubmit={(newPassword) => setPassword.mutate({ token, newPassword })}
        />
      </>
    );
  })();

  return (
    <main id="main" className="sign-in-page">
      <div className="sign-in-card">
        <p className="sign-in-subtitle">{strings.app.subtitle}</p>
        <h1>{t.heading}</h1>
        {body}
        <p className="small">
          <Link to="/login">{t.toSignIn}</Link>
        </p>
      </div>
    </main>
  );
}
