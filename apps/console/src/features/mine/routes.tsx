import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";
import { MinePage } from "./MinePage";

export const mineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "mine",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("mine"),
  component: function MineRouteComponent() {
    const navigate = mineRoute.useNavigate();
    return <MinePage search={mineRoute.useSearch()} onPeriodChange={(period) => void navigate({ search: period })} />;
  },
});
