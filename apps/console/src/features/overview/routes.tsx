import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";
import { OverviewPage } from "./OverviewPage";

export const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "overview",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("overview"),
  component: function OverviewRouteComponent() {
    const navigate = overviewRoute.useNavigate();
    return <OverviewPage search={overviewRoute.useSearch()} onPeriodChange={(period) => void navigate({ search: period })} />;
  },
});
