import { Link } from "@tanstack/react-router";

import type { TRole } from "@hcp/domain";

import { SCREEN_PATHS, screenLabel, type TScreen } from "../../lib/screens";
import { strings } from "../../lib/strings";

export const APP_NAV_ID = "app-nav";

export interface AppNavProps {
  screens: readonly TScreen[];
  role?: TRole;
  /** On a narrow screen the list folds behind 菜单; on a wide one it is always shown. */
  open: boolean;
  /** A link was followed: a folded menu closes again so the page is in view. */
  onNavigate: () => void;
}

/** Only the screens the role may use are listed. */
export function AppNav({ screens, role, open, onNavigate }: AppNavProps) {
  return (
    <nav id={APP_NAV_ID} className={open ? "app-nav is-open" : "app-nav"} aria-label={strings.app.navLabel}>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <Link
              to={SCREEN_PATHS[screen]}
              className="app-nav-link"
              activeProps={{ className: "app-nav-link is-active" }}
              onClick={onNavigate}
            >
              {screenLabel(screen, role)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
