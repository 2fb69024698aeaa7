import { createLazyRoute } from "@tanstack/react-router";

import { SetupPage } from "./SetupPage";

export const setupScreen = createLazyRoute("/app/setup")({ component: SetupPage });
