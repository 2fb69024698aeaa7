import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseReportSearch, parseYearlySearch } from "./report-search";

const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports",
  validateSearch: parseReportSearch,
  beforeLoad: requireScreen("reports"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.reportScreen));

const yearlyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports/yearly",
  validateSearch: parseYearlySearch,
  beforeLoad: requireScreen("reports"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.yearlyScreen));

/** 月度满意度报告 (month and version in the URL) and 年度汇总 (year in the URL). */
export const reportRoutes = [reportsRoute, yearlyRoute] as const;
