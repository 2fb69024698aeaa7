import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const setupRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "setup",
  beforeLoad: requireScreen("setup"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.setupScreen));
