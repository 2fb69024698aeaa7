import { createRoute } from "@tanstack/react-router";

import { parsePeriodSearch } from "../../lib/period";
import { appRoute, requireScreen } from "../shell/routes";
import { ItemRatingsPage, StaffItemsPage, WindowStaffPage } from "./DrillPages";
import { idParam, parseRatingsSearch } from "./performance-search";
import { PerformancePage } from "./PerformancePage";
import { RankingSettingsPage } from "./RankingSettingsPage";

const performanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: function PerformanceRouteComponent() {
    const navigate = performanceRoute.useNavigate();
    return <PerformancePage search={performanceRoute.useSearch()} onPeriodChange={(period) => void navigate({ search: period })} />;
  },
});

const rankingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/settings",
  beforeLoad: requireScreen("performance"),
  component: RankingSettingsPage,
});

const windowStaffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: function WindowStaffRouteComponent() {
    const params = windowStaffRoute.useParams();
    return <WindowStaffPage search={windowStaffRoute.useSearch()} windowId={idParam(params.windowId)} />;
  },
});

const staffItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: function StaffItemsRouteComponent() {
    const params = staffItemsRoute.useParams();
    return <StaffItemsPage search={staffItemsRoute.useSearch()} windowId={idParam(params.windowId)} staffId={idParam(params.staffId)} />;
  },
});

const itemRatingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId/items/$itemId",
  validateSearch: parseRatingsSearch,
  beforeLoad: requireScreen("performance"),
  component: function ItemRatingsRouteComponent() {
    const params = itemRatingsRoute.useParams();
    const search = itemRatingsRoute.useSearch();
    const navigate = itemRatingsRoute.useNavigate();
    return (
      <ItemRatingsPage
        search={search}
        windowId={idParam(params.windowId)}
        staffId={idParam(params.staffId)}
        itemId={idParam(params.itemId)}
        onPageChange={(page) => void navigate({ search: { ...search, page: page > 1 ? page : undefined } })}
      />
    );
  },
});

/**
 * 窗口绩效 and its drill-down: window → staff → item → ratings. Every step keeps the period in
 * its search params, so a link copied from any step opens the same figures.
 */
export const performanceRoutes = [performanceRoute, rankingSettingsRoute, windowStaffRoute, staffItemsRoute, itemRatingsRoute] as const;
