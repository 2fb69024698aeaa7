/**
 * The console's routes, code-based (no router plugin or generated files): the frame from
 * `features/shell/routes`, and each feature's own screens from its `routes.ts`. A screen's
 * path, guard and URL state load with the console; its page loads with the route
 * (`routes.lazy.tsx`), so the first paint carries only the frame and the sign-in page. Pages that
 * keep state in the URL (period, filters) read it through `lib/search-params` and get it as
 * props, which keeps the feature components free of route imports.
 */
import { createRouter } from "@tanstack/react-router";

import { accountRoute } from "./features/account/routes";
import { accountsRoute } from "./features/accounts/routes";
import { analysisRoute } from "./features/analysis/routes";
import { apiClientsRoute } from "./features/api-clients/routes";
import { auditRoute } from "./features/audit/routes";
import { loginRoute } from "./features/auth/routes";
import { calendarRoute } from "./features/calendar/routes";
import { catalogRoute } from "./features/catalog/routes";
import { catalogueRoutes } from "./features/catalogue/routes";
import { countyHallsRoute } from "./features/county/scope/routes";
import { countyRoute } from "./features/county/views/routes";
import { departmentsRoute } from "./features/departments/routes";
import { deskRoute } from "./features/desk/routes";
import { devicesRoute } from "./features/devices/routes";
import { hallRoute } from "./features/hall/routes";
import { importRoute } from "./features/import/routes";
import { mineRoute } from "./features/mine/routes";
import { overviewRoute } from "./features/overview/routes";
import { performanceRoutes } from "./features/performance/routes";
import { provinceRoute } from "./features/province/routes";
import { reportRoutes } from "./features/reports/routes";
import { setPasswordRoute } from "./features/set-password/routes";
import { setupRoute } from "./features/setup/routes";
import { InlineErrorPage, NotFoundPage } from "./features/shell/ErrorPage";
import { appRoute, indexRoute, rootRoute } from "./features/shell/routes";
import { staffRoute } from "./features/staff/routes";
import { windowsRoute } from "./features/windows/routes";
import { workOrderRoutes } from "./features/work-orders/routes";
import { queryClient } from "./lib/query-client";
import { trpc } from "./lib/trpc";

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  setPasswordRoute,
  appRoute.addChildren([
    deskRoute,
    countyRoute,
    overviewRoute,
    analysisRoute,
    catalogRoute,
    devicesRoute,
    importRoute,
    provinceRoute,
    accountRoute,
    accountsRoute,
    apiClientsRoute,
    auditRoute,
    calendarRoute,
    mineRoute,
    windowsRoute,
    staffRoute,
    hallRoute,
    departmentsRoute,
    setupRoute,
    countyHallsRoute,
    ...workOrderRoutes,
    ...performanceRoutes,
    ...reportRoutes,
    ...catalogueRoutes,
  ]),
]);

export const router = createRouter({
  routeTree,
  basepath: "/console",
  context: { queryClient, trpc },
  defaultErrorComponent: InlineErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  defaultPreload: false,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
