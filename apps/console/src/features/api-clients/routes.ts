import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const apiClientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "api-clients",
  beforeLoad: requireScreen("apiClients"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.apiClientsScreen));
