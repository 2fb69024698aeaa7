import { createRoute } from "@tanstack/react-router";
import { z } from "zod";

import { positiveIntParam, searchParser } from "../../lib/search-params";
import { appRoute, requireScreen } from "../shell/routes";

const catalogueImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "catalogue-import",
  beforeLoad: requireScreen("catalogueImport"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.catalogueImportScreen));

/** The item form: `?id=` edits that item, without it a new one. */
interface TCatalogueItemSearch {
  id?: number;
}

const catalogueItemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "catalogue-item",
  validateSearch: searchParser<TCatalogueItemSearch>(z.object({ id: positiveIntParam() })),
  beforeLoad: requireScreen("catalogueImport"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.catalogueItemScreen));

export const catalogueRoutes = [catalogueImportRoute, catalogueItemRoute];
