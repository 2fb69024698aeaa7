import { createLazyRoute } from "@tanstack/react-router";

import { ApiClientsPage } from "./ApiClientsPage";

export const apiClientsScreen = createLazyRoute("/app/api-clients")({ component: ApiClientsPage });
