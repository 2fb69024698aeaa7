import { createRoute } from "@tanstack/react-router";

import { parseCalendarSearch } from "./calendar-search";
import { appRoute, requireScreen } from "../shell/routes";

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "calendar",
  validateSearch: parseCalendarSearch,
  beforeLoad: requireScreen("calendar"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.calendarScreen));
