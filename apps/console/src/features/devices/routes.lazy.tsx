import { createLazyRoute } from "@tanstack/react-router";

import { DevicesPage } from "./DevicesPage";

export const devicesScreen = createLazyRoute("/app/devices")({ component: DevicesPage });
