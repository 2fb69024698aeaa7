import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { ImportPage } from "./ImportPage";

export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "import",
  beforeLoad: requireScreen("import"),
  component: ImportPage,
});
