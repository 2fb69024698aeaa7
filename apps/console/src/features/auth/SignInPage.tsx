import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";

import { usePageTitle } from "../../components/usePageTitle";
import { errorMessage } from "../../lib/errors";
import { landingFor } from "../../lib/screens";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { setupPending } from "../setup/pending";
import { SignInForm } from "./SignInForm";
import { authStrings } from "./strings";

export function SignInPage() {
  usePageTitle(authStrings.title);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (user) => {
        // A new session: nothing cached for the previous one may show through.
        queryClient.removeQueries();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        await navigate({ to: landingFor(user, await setupPending(queryClient, user)), replace: true });
      },
    }),
  );

  return (
    <main id="main" className="sign-in-page">
      <div className="sign-in-card">
        <p className="sign-in-subtitle">{strings.app.subtitle}</p>
        <h1>{authStrings.heading}</h1>
        <p className="muted">{authStrings.intro}</p>
        <SignInForm
          onSubmit={(values) => signIn.mutate(values)}
          pending={signIn.isPending}
          error={signIn.isError ? errorMessage(signIn.error) : null}
        />
      </div>
    </main>
  );
}
