import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";
import { parseRatingsSearch } from "./performance-search";

const performanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.performanceScreen));

const rankingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/settings",
  beforeLoad: requireScreen("performance"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.rankingSettingsScreen));

const windowStaffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.windowStaffScreen));

const staffItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.staffItemsScreen));

const itemRatingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId/items/$itemId",
  validateSearch: parseRatingsSearch,
  beforeLoad: requireScreen("performance"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.itemRatingsScreen));

/**
 * 窗口绩效 and its drill-down: window → staff → item → ratings. Every step keeps the period in
 * its search params, so a link copied from any step opens the same figures.
 */
export const performanceRoutes = [
  performanceRoute,
  rankingSettingsRoute,
  windowStaffRoute,
  staffItemsRoute,
  itemRatingsRoute,
] as const;
