import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { ProvincePage } from "./ProvincePage";

export const provinceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "province",
  beforeLoad: requireScreen("province"),
  component: ProvincePage,
});
