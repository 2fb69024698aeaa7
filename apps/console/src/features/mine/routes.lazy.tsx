import { createLazyRoute } from "@tanstack/react-router";

import { MinePage } from "./MinePage";

export const mineScreen = createLazyRoute("/app/mine")({
  component: function MineScreen() {
    const navigate = mineScreen.useNavigate();
    return <MinePage search={mineScreen.useSearch()} onPeriodChange={(period) => void navigate({ search: period })} />;
  },
});
