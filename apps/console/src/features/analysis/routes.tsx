import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { AnalysisPage } from "./AnalysisPage";
import { parseAnalysisSearch } from "./analysis-search";

export const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "analysis",
  validateSearch: parseAnalysisSearch,
  beforeLoad: requireScreen("analysis"),
  component: function AnalysisRouteComponent() {
    const navigate = analysisRoute.useNavigate();
    return <AnalysisPage search={analysisRoute.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});
