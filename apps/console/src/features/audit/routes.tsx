import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { AuditPage } from "./AuditPage";

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  beforeLoad: requireScreen("audit"),
  component: AuditPage,
});
