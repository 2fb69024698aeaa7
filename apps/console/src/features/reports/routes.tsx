import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseReportSearch, parseYearlySearch } from "./report-search";
import { ReportPage } from "./ReportPage";
import { YearlyPage } from "./YearlyPage";

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports",
  validateSearch: parseReportSearch,
  beforeLoad: requireScreen("reports"),
  component: function ReportsRouteComponent() {
    const navigate = reportsRoute.useNavigate();
    return <ReportPage search={reportsRoute.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const yearlyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports/yearly",
  validateSearch: parseYearlySearch,
  beforeLoad: requireScreen("reports"),
  component: function YearlyRouteComponent() {
    const navigate = yearlyRoute.useNavigate();
    return (
      <YearlyPage
        search={yearlyRoute.useSearch()}
        onYearChange={(year) => void navigate({ search: { year } })}
        onOpenMonth={(month) => void navigate({ to: "/reports", search: { month } })}
      />
    );
  },
});

/** 月度满意度报告 (month and version in the URL) and 年度汇总 (year in the URL). */
export const reportRoutes = [reportsRoute, yearlyRoute] as const;
