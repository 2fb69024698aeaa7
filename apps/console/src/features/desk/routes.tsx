import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { DeskPage } from "./DeskPage";

export const deskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "desk",
  beforeLoad: requireScreen("desk"),
  component: DeskPage,
});
