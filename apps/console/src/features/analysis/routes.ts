import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseAnalysisSearch } from "./analysis-search";

export const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "analysis",
  validateSearch: parseAnalysisSearch,
  beforeLoad: requireScreen("analysis"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.analysisScreen));
