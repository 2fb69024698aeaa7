import { createLazyRoute } from "@tanstack/react-router";

import { StaffPage } from "./StaffPage";

export const staffScreen = createLazyRoute("/app/staff")({ component: StaffPage });
