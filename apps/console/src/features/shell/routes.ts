/**
 * The frame every screen hangs from. Each guard reads `auth.me` through the query cache, so a
 * page change costs no extra request; a route a role may not use redirects to that role's home.
 * The screens themselves are declared by their features (`features/<name>/routes.ts`).
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, Outlet, redirect } from "@tanstack/react-router";

import type { TSessionUser } from "../../lib/api-types";
import { ACCOUNT_PATH, landingFor, mayOpen, type TScreen } from "../../lib/screens";
import type { trpc } from "../../lib/trpc";
import { setupPending } from "../setup/pending";
import { AppLayout } from "./AppLayout";
import { NotFoundPage, StandaloneErrorPage } from "./ErrorPage";

export interface TRouterContext {
  queryClient: QueryClient;
  trpc: typeof trpc;
}

export function currentUser(context: TRouterContext): Promise<TSessionUser | null> {
  return context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
}

export const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  errorComponent: StandaloneErrorPage,
  notFoundComponent: NotFoundPage,
});

export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const user = await currentUser(context);
    if (!user) throw redirect({ to: "/login", replace: true });
    throw redirect({ to: landingFor(user, await setupPending(context.queryClient, user)), replace: true });
  },
});

/** The signed-in frame; its children are the screens. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const user = await currentUser(context);
    if (!user) throw redirect({ to: "/login", replace: true });
    // A password someone else chose (a new account, a reset) opens nothing but its own change.
    if (user.mustChangePassword && location.pathname !== ACCOUNT_PATH)
      throw redirect({ to: ACCOUNT_PATH, replace: true });
    return { user };
  },
  component: AppLayout,
  errorComponent: StandaloneErrorPage,
});

/** A screen's guard: a role (or a hall user on a county screen) that may not use it goes to its own home. */
export function requireScreen(screen: TScreen) {
  return ({ context }: { context: { user: TSessionUser } }) => {
    if (!mayOpen(context.user, screen)) throw redirect({ to: landingFor(context.user), replace: true });
  };
}
