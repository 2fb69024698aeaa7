import { createRoute } from "@tanstack/react-router";
import { z } from "zod";

import { periodSearchShape } from "../../../lib/period";
import { searchParam, searchParser } from "../../../lib/search-params";
import { appRoute, requireScreen } from "../../shell/routes";
import type { TCountySearch } from "./CountyPage";

/** The period of the rankings and the hall a window ranking is within, kept in the URL. */
const parseCountySearch: (search: Record<string, unknown>) => TCountySearch = searchParser(
  z.object({ ...periodSearchShape, hallId: searchParam.int(1) }),
);

export const countyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "county",
  validateSearch: parseCountySearch,
  beforeLoad: requireScreen("county"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.countyScreen));
