import { createRoute, redirect } from "@tanstack/react-router";

import type { TSessionUser } from "../../lib/api-types";
import { landingFor } from "../../lib/screens";
import { setupPending } from "../setup/pending";
import { StandaloneErrorPage } from "../shell/ErrorPage";
import { currentUser, rootRoute } from "../shell/routes";

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  beforeLoad: async ({ context }) => {
    let user: TSessionUser | null = null;
    try {
      user = await currentUser(context);
    } catch {
      // API unreachable: show the form anyway; signing in will say what is wrong.
    }
    if (user) throw redirect({ to: landingFor(user, await setupPending(context.queryClient, user)), replace: true });
  },
  errorComponent: StandaloneErrorPage,
}).lazy(() => import("./routes.lazy").then((screens) => screens.loginScreen));
