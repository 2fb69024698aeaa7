import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../../shell/routes";

export const countyHallsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "county-halls",
  beforeLoad: requireScreen("countyHalls"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.countyHallsScreen));
