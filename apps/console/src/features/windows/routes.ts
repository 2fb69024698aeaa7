import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const windowsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "windows",
  beforeLoad: requireScreen("windows"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.windowsScreen));
