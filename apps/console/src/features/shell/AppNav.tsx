import { Link } from "@tanstack/react-router";

import type { TRole } from "@hcp/domain";

import type { TScreen } from "../../lib/screens";
import { SCREEN_PATHS, screenLabel } from "../../lib/screens";
import { strings } from "../../lib/strings";

/** Only the screens the role may use are listed. */
export function AppNav({ screens, role }: { screens: readonly TScreen[]; role?: TRole }) {
  return (
    <nav className="app-nav" aria-label={strings.app.navLabel}>
      <ul>
        {screens.map((screen) => (
          <li key={screen}>
            <Link to={SCREEN_PATHS[screen]} className="app-nav-link" activeProps={{ className: "app-nav-link is-active" }}>
              {screenLabel(screen, role)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
