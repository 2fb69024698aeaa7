import { createLazyRoute } from "@tanstack/react-router";

import { AuditPage } from "./AuditPage";

export const auditScreen = createLazyRoute("/app/audit")({ component: AuditPage });
