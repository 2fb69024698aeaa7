import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";

export const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "overview",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("overview"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.overviewScreen));
