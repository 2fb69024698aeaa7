import { createLazyRoute } from "@tanstack/react-router";

import { CountyPage } from "./CountyPage";

export const countyScreen = createLazyRoute("/app/county")({
  component: function CountyScreen() {
    const navigate = countyScreen.useNavigate();
    return <CountyPage search={countyScreen.useSearch()} onSearchChange={(search) => void navigate({ search })} />;
  },
});
