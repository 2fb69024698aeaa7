import { createLazyRoute } from "@tanstack/react-router";

import { DeskPage } from "./DeskPage";

export const deskScreen = createLazyRoute("/app/desk")({ component: DeskPage });
