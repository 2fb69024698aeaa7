import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const hallRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "hall",
  beforeLoad: requireScreen("hall"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.hallScreen));
