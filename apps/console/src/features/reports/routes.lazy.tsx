import { createLazyRoute } from "@tanstack/react-router";

import { ReportPage } from "./ReportPage";
import { YearlyPage } from "./YearlyPage";

export const reportScreen = createLazyRoute("/app/reports")({
  component: function ReportScreen() {
    const navigate = reportScreen.useNavigate();
    return <ReportPage search={reportScreen.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

export const yearlyScreen = createLazyRoute("/app/reports/yearly")({
  component: function YearlyScreen() {
    const navigate = yearlyScreen.useNavigate();
    return (
      <YearlyPage
        search={yearlyScreen.useSearch()}
        onYearChange={(year) => void navigate({ search: { year } })}
        onOpenMonth={(month) => void navigate({ to: "/reports", search: { month } })}
      />
    );
  },
});
