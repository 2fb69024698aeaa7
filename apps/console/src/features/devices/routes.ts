import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const devicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "devices",
  beforeLoad: requireScreen("devices"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.devicesScreen));
