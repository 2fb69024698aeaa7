import { createRoute } from "@tanstack/react-router";

import { appRoute, requireScreen } from "../shell/routes";
import { parseWorkOrderSearch } from "./work-order-search";
import { WorkOrderPage } from "./WorkOrderPage";
import { WorkOrdersPage } from "./WorkOrdersPage";

const workOrdersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders",
  validateSearch: parseWorkOrderSearch,
  beforeLoad: requireScreen("workOrders"),
  component: function WorkOrdersRouteComponent() {
    const navigate = workOrdersRoute.useNavigate();
    return <WorkOrdersPage search={workOrdersRoute.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const workOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders/$id",
  beforeLoad: requireScreen("workOrders"),
  component: function WorkOrderRouteComponent() {
    const { id } = workOrderRoute.useParams();
    // An id that is not a positive integer gets the page's own "invalid" notice, not a request.
    return <WorkOrderPage key={id} id={/^\d+$/.test(id) ? Number(id) : Number.NaN} />;
  },
});

/** 工单 queue and one order. */
export const workOrderRoutes = [workOrdersRoute, workOrderRoute] as const;
