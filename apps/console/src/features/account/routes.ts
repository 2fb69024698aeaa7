import { createRoute } from "@tanstack/react-router";

import { appRoute } from "../shell/routes";

/** Every signed-in user's own account: no screen rule beyond being signed in. */
export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
}).lazy(() => import("./routes.lazy").then((screens) => screens.accountScreen));
