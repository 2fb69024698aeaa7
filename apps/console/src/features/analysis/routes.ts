import { createRoute } from "@tanstack/react-router";

import { parseAnalysisSearch } from "./analysis-search";
import { appRoute, requireScreen } from "../shell/routes";

export const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "analysis",
  validateSearch: parseAnalysisSearch,
  beforeLoad: requireScreen("analysis"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.analysisScreen));
