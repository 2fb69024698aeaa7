import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";

export const mineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "mine",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("mine"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.mineScreen));
