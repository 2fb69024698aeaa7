import { createLazyRoute } from "@tanstack/react-router";

import { WindowsPage } from "./WindowsPage";

export const windowsScreen = createLazyRoute("/app/windows")({ component: WindowsPage });
