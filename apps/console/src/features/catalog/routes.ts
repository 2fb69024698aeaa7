import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseCatalogSearch } from "./catalog-search";

export const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "catalog",
  validateSearch: parseCatalogSearch,
  beforeLoad: requireScreen("catalog"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.catalogScreen));
