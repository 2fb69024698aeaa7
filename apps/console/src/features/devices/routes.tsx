import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { DevicesPage } from "./DevicesPage";

export const devicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "devices",
  beforeLoad: requireScreen("devices"),
  component: DevicesPage,
});
