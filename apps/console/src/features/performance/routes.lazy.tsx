import { createLazyRoute } from "@tanstack/react-router";

import { ItemRatingsPage, StaffItemsPage, WindowStaffPage } from "./DrillPages";
import { idParam } from "./performance-search";
import { PerformancePage } from "./PerformancePage";
import { RankingSettingsPage } from "./RankingSettingsPage";

export const performanceScreen = createLazyRoute("/app/performance")({
  component: function PerformanceScreen() {
    const navigate = performanceScreen.useNavigate();
    return (
      <PerformancePage
        search={performanceScreen.useSearch()}
        onPeriodChange={(period) => void navigate({ search: period })}
      />
    );
  },
});

export const rankingSettingsScreen = createLazyRoute("/app/performance/settings")({ component: RankingSettingsPage });

export const windowStaffScreen = createLazyRoute("/app/performance/windows/$windowId")({
  component: function WindowStaffScreen() {
    const params = windowStaffScreen.useParams();
    return <WindowStaffPage search={windowStaffScreen.useSearch()} windowId={idParam(params.windowId)} />;
  },
});

export const staffItemsScreen = createLazyRoute("/app/performance/windows/$windowId/staff/$staffId")({
  component: function StaffItemsScreen() {
    const params = staffItemsScreen.useParams();
    return (
      <StaffItemsPage
        search={staffItemsScreen.useSearch()}
        windowId={idParam(params.windowId)}
        staffId={idParam(params.staffId)}
      />
    );
  },
});

export const itemRatingsScreen = createLazyRoute("/app/performance/windows/$windowId/staff/$staffId/items/$itemId")({
  component: function ItemRatingsScreen() {
    const params = itemRatingsScreen.useParams();
    const search = itemRatingsScreen.useSearch();
    const navigate = itemRatingsScreen.useNavigate();
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
