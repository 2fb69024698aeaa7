import { createLazyRoute } from "@tanstack/react-router";

import { SetPasswordPage } from "./SetPasswordPage";

export const setPasswordScreen = createLazyRoute("/set-password")({ component: SetPasswordPage });
