import { createLazyRoute } from "@tanstack/react-router";

import { AccountsPage } from "./AccountsPage";

export const accountsScreen = createLazyRoute("/app/accounts")({ component: AccountsPage });
