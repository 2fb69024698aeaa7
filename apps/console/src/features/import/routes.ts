import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";

export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "import",
  beforeLoad: requireScreen("import"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.importScreen));
