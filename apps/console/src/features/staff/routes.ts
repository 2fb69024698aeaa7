import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const staffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "staff",
  beforeLoad: requireScreen("staff"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.staffScreen));
