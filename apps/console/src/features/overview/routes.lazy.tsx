import { createLazyRoute } from "@tanstack/react-router";

import { OverviewPage } from "./OverviewPage";

export const overviewScreen = createLazyRoute("/app/overview")({
  component: function OverviewScreen() {
    const navigate = overviewScreen.useNavigate();
    return (
      <OverviewPage
        search={overviewScreen.useSearch()}
        onPeriodChange={(period) => void navigate({ search: period })}
      />
    );
  },
});
