import { createLazyRoute } from "@tanstack/react-router";

import { CalendarPage } from "./CalendarPage";

export const calendarScreen = createLazyRoute("/app/calendar")({
  component: function CalendarScreen() {
    const navigate = calendarScreen.useNavigate();
    return (
      <CalendarPage search={calendarScreen.useSearch()} onYearChange={(year) => void navigate({ search: { year } })} />
    );
  },
});
