import { createLazyRoute } from "@tanstack/react-router";

import { AccountPage } from "./AccountPage";

export const accountScreen = createLazyRoute("/app/account")({ component: AccountPage });
