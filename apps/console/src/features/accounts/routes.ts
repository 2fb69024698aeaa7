import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "accounts",
  beforeLoad: requireScreen("accounts"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.accountsScreen));
