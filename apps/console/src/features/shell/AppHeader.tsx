import { Link } from "@tanstack/react-router";

import { ROLES } from "@hcp/domain";

import { InlineError } from "../../components/StatusMessages";
import type { TSessionUser } from "../../lib/api-types";
import { strings } from "../../lib/strings";
import { HallSwitcher } from "../county/scope/HallSwitcher";
import { APP_NAV_ID } from "./AppNav";

export interface AppHeaderProps {
  user: TSessionUser;
  onSignOut: () => void;
  /** 退出所有设备: every session of the account ends, this one too */
  onSignOutEverywhere: () => void;
  signingOut: boolean;
  signOutError: string | null;
  /** 菜单, shown on narrow screens only: folds the navigation open and closed */
  menuOpen: boolean;
  onMenuToggle: () => void;
}

export function AppHeader({
  user,
  onSignOut,
  onSignOutEverywhere,
  signingOut,
  signOutError,
  menuOpen,
  onMenuToggle,
}: AppHeaderProps) {
  return (
    <header className="app-header">
      <button
        type="button"
        className="btn btn-on-dark app-menu-button"
        aria-expanded={menuOpen}
        aria-controls={APP_NAV_ID}
        onClick={onMenuToggle}
      >
        <span className="app-menu-icon" aria-hidden="true" />
        {strings.app.menu}
      </button>
      <div className="app-brand">
        <span className="app-brand-mark" aria-hidden="true">
          评
        </span>
        <span>
          <span className="app-brand-title">{strings.app.title}</span>
          <span className="app-brand-subtitle">{strings.app.subtitle}</span>
        </span>
      </div>
      {user.scope === "county" && !user.mustChangePassword ? <HallSwitcher user={user} /> : null}
      <div className="app-user" aria-label={strings.app.userLabel} role="group">
        <span className="app-user-name">{user.displayName}</span>
        <span className="app-user-role">{ROLES[user.role]}</span>
        <Link to="/account" className="btn btn-on-dark">
          {strings.app.changePassword}
        </Link>
        <button type="button" className="btn btn-on-dark" onClick={onSignOut} disabled={signingOut}>
          {signingOut ? strings.app.signingOut : strings.app.signOut}
        </button>
        <button
          type="button"
          className="btn btn-on-dark"
          onClick={onSignOutEverywhere}
          disabled={signingOut}
          title={strings.app.signOutEverywhereHint}
        >
          {strings.app.signOutEverywhere}
        </button>
        <InlineError message={signOutError} />
      </div>
    </header>
  );
}
