import { createLazyRoute } from "@tanstack/react-router";

import { HallSettingsPage } from "./HallSettingsPage";

export const hallScreen = createLazyRoute("/app/hall")({ component: HallSettingsPage });
