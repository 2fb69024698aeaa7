import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseWorkOrderSearch } from "./work-order-search";

const workOrdersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders",
  validateSearch: parseWorkOrderSearch,
  beforeLoad: requireScreen("workOrders"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.workOrdersScreen));

const workOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders/$id",
  beforeLoad: requireScreen("workOrders"),
}).lazy(() => import("./routes.lazy").then((screens) => screens.workOrderScreen));

/** 工单 queue and one order. */
export const workOrderRoutes = [workOrdersRoute, workOrderRoute] as const;
