import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const provinceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "province",
  beforeLoad: requireScreen("province"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.provinceScreen));
