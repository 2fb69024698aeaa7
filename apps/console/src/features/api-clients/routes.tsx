import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { ApiClientsPage } from "./ApiClientsPage";

export const apiClientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "api-clients",
  beforeLoad: requireScreen("apiClients"),
  component: ApiClientsPage,
});
