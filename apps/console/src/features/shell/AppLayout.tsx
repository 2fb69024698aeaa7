import { hashKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { Outlet, useNavigate } from "@tanstack/react-router";
import { useEffect, useState } from "react";

import { mayCall } from "@hcp/domain";

import { Loading } from "../../components/StatusMessages";
import { errorMessage } from "../../lib/errors";
import { screensFor } from "../../lib/screens";
import { strings } from "../../lib/strings";
import { trpc } from "../../lib/trpc";
import { useCurrentUser } from "../auth/useCurrentUser";
import { CalendarNotice } from "../calendar/CalendarNotice";
import { AppHeader } from "./AppHeader";
import { AppNav } from "./AppNav";

/** The signed-in frame: header with the user and 退出, the role's navigation, then the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);

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
          screens={user.mustChangePassword ? [] : screensFor(user.role)}
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
