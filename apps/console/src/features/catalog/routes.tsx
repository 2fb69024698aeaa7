import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { CatalogPage } from "./CatalogPage";
import { parseCatalogSearch } from "./catalog-search";

export const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "catalog",
  validateSearch: parseCatalogSearch,
  beforeLoad: requireScreen("catalog"),
  component: function CatalogRouteComponent() {
    const navigate = catalogRoute.useNavigate();
    return <CatalogPage search={catalogRoute.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});
