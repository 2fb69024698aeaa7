import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseCalendarSearch } from "./calendar-search";

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "calendar",
  validateSearch: parseCalendarSearch,
  beforeLoad: requireScreen("calendar"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.calendarScreen));
