import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  beforeLoad: requireScreen("audit"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.auditScreen));
