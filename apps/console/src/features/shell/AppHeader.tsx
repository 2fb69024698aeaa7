import { Link } from "@tanstack/react-router";

import { ROLES } from "@hcp/domain";

import { InlineError } from "../../components/StatusMessages";
import type { TSessionUser } from "../../lib/api-types";
import { strings } from "../../lib/strings";

export interface AppHeaderProps {
  user: TSessionUser;
  onSignOut: () => void;
  /** 退出所有设备: every session of the account ends, this one too */
  onSignOutEverywhere: () => void;
  signingOut: boolean;
  signOutError: string | null;
}

export function AppHeader({ user, onSignOut, onSignOutEverywhere, signingOut, signOutError }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-brand">
        <span className="app-brand-mark" aria-hidden="true">
          评
        </span>
        <span>
          <span className="app-brand-title">{strings.app.title}</span>
          <span className="app-brand-subtitle">{strings.app.subtitle}</span>
        </span>
      </div>
      <div className="app-user" aria-label={strings.app.userLabel} role="group">
        <span className="app-user-name">{user.displayName}</span>
        <span className="app-user-role">{ROLES[user.role]}</span>
        <Link to="/account" className="btn btn-on-dark">
          {strings.app.changePassword}
        </Link>
        <button type="button" className="btn btn-on-dark" onClick={onSignOut} disabled={signingOut}>
          {signingOut ? strings.app.signingOut : strings.app.signOut}
        </button>
        <button type="button" className="btn btn-on-dark" onClick={onSignOutEverywhere} disabled={signingOut} title={strings.app.signOutEverywhereHint}>
          {strings.app.signOutEverywhere}
        </button>
        <InlineError message={signOutError} />
      </div>
    </header>
  );
}
