import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const deskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "desk",
  beforeLoad: requireScreen("desk"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.deskScreen));
