import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const departmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "departments",
  beforeLoad: requireScreen("departments"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.departmentsScreen));
