import { createRoute } from "@tanstack/react-router";

import { StandaloneErrorPage } from "../shell/ErrorPage";
import { rootRoute } from "../shell/routes";

/** 设置密码: opened from a set-password link, without a session (the link is the credential). */
export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "set-password",
  errorComponent: StandaloneErrorPage,
}).lazy(() => import("./routes.lazy").then((screens) => screens.setPasswordScreen));
