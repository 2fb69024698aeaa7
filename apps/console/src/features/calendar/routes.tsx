import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseCalendarSearch } from "./calendar-search";
import { CalendarPage } from "./CalendarPage";

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "calendar",
  validateSearch: parseCalendarSearch,
  beforeLoad: requireScreen("calendar"),
  component: function CalendarRouteComponent() {
    const navigate = calendarRoute.useNavigate();
    return <CalendarPage search={calendarRoute.useSearch()} onYearChange={(year) => void navigate({ search: { year } })} />;
  },
});
