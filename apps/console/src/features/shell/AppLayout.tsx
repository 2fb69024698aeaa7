import { hashKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";

import { mayCall } from "@hcp/domain";

import { Loading } from "../../components/StatusMessages";
import type { TSessionUser } from "../../lib/api-types";
import { errorMessage } from "../../lib/errors";
import { navScreens } from "../../lib/screens";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { CalendarNotice } from "../calendar/CalendarNotice";
import { AppHeader } from "./AppHeader";
import { AppNav } from "./AppNav";

/**
 * Whether 开始设置 belongs in the navigation: the hall still lacks something, for a user who may
 * ask. While it does, read again on each page change, as the steps are done on other screens; a
 * ready hall costs no request per navigation (the query's own staleness and focus refetch remain).
 */
function useSetupPending(user: TSessionUser | null): boolean {
  const queryClient = useQueryClient();
  const enabled = user !== null && !user.mustChangePassword && mayCall(user.role, "setup.status");
  const status = useQuery({ ...trpc.setup.status.queryOptions(), enabled });
  const pending = status.data?.ready === false;
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const shownAt = useRef(pathname);
  useEffect(() => {
    if (!enabled || shownAt.current === pathname) return;
    shownAt.current = pathname;
    if (pending) void queryClient.invalidateQueries({ queryKey: trpc.setup.status.queryKey() });
  }, [enabled, pending, pathname, queryClient]);
  return pending;
}

/** The signed-in frame: header with the user and 退出, the role's navigation, then the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const setupPending = useSetupPending(user);

  const signedOut = async () => {
    const meKey = trpc.auth.me.queryKey();
    queryClient.setQueryData(meKey, null);
    await navigate({ to: "/login", replace: true });
    // Nothing of this session may show to whoever signs in next on this browser.
    const meHash = hashKey(meKey);
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
  };
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSuccess: signedOut }));
  const signOutEverywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions({ onSuccess: signedOut }));
  const failed = signOut.isError ? signOut.error : signOutEverywhere.isError ? signOutEverywhere.error : null;

  // Signed out here, elsewhere, or the session expired: `auth.me` is null, so go to 登录.
  useEffect(() => {
    if (user === null) void navigate({ to: "/login", replace: true });
  }, [user, navigate]);

  // Signed out: the effect above is already on its way to 登录.
  if (!user) return <Loading />;

  return (
    <div className="app-frame">
      <a className="skip-link" href="#main">
        {strings.app.skipToMain}
      </a>
      <AppHeader
        user={user}
        onSignOut={() => signOut.mutate()}
        onSignOutEverywhere={() => signOutEverywhere.mutate()}
        signingOut={signOut.isPending || signOutEverywhere.isPending}
        signOutError={failed ? errorMessage(failed) : null}
        menuOpen={menuOpen}
        onMenuToggle={() => setMenuOpen((open) => !open)}
      />
      <div className="app-body">
        <AppNav
          screens={user.mustChangePassword ? [] : navScreens(user.role, setupPending, user.scope)}
          role={user.role}
          open={menuOpen}
          onNavigate={() => setMenuOpen(false)}
        />
        <main id="main" className="app-main">
          {mayCall(user.role, "calendar.status") ? <CalendarNotice /> : null}
          <Outlet />
        </main>
      </div>
    </div>
  );
}
