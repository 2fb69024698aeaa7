/**
 * The console's routes, code-based (no router plugin or generated files). Each guard reads
 * `auth.me` through the query cache, so a page change costs no extra request; a route a role may
 * not use redirects to that role's home. Pages that keep state in the URL (period, catalogue
 * filters) get it here as props, which keeps the feature components free of route imports.
 */
import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from "@tanstack/react-router";

import type { TSessionUser } from "./lib/api-types";
import { parsePeriodSearch } from "./lib/period";
import { queryClient } from "./lib/query-client";
import type { TScreen } from "./lib/screens";
import { canUse, homeFor } from "./lib/screens";
import { trpc } from "./lib/trpc";
import { SignInPage } from "./features/auth/SignInPage";
import { ApiClientsPage } from "./features/api-clients/ApiClientsPage";
import { AnalysisPage } from "./features/analysis/AnalysisPage";
import { parseAnalysisSearch } from "./features/analysis/analysis-search";
import { AuditPage } from "./features/audit/AuditPage";
import { parseCalendarSearch } from "./features/calendar/calendar-search";
import { CalendarPage } from "./features/calendar/CalendarPage";
import { CatalogPage } from "./features/catalog/CatalogPage";
import { parseCatalogSearch } from "./features/catalog/catalog-search";
import { DeskPage } from "./features/desk/DeskPage";
import { AccountPage } from "./features/account/AccountPage";
import { DevicesPage } from "./features/devices/DevicesPage";
import { ImportPage } from "./features/import/ImportPage";
import { ProvincePage } from "./features/province/ProvincePage";
import { MinePage } from "./features/mine/MinePage";
import { OverviewPage } from "./features/overview/OverviewPage";
import { ItemRatingsPage, StaffItemsPage, WindowStaffPage } from "./features/performance/DrillPages";
import { idParam, parseRatingsSearch } from "./features/performance/performance-search";
import { PerformancePage } from "./features/performance/PerformancePage";
import { RankingSettingsPage } from "./features/performance/RankingSettingsPage";
import { parseReportSearch, parseYearlySearch } from "./features/reports/report-search";
import { ReportPage } from "./features/reports/ReportPage";
import { YearlyPage } from "./features/reports/YearlyPage";
import { AppLayout } from "./features/shell/AppLayout";
import { InlineErrorPage, NotFoundPage, StandaloneErrorPage } from "./features/shell/ErrorPage";
import { parseWorkOrderSearch } from "./features/work-orders/work-order-search";
import { WorkOrderPage } from "./features/work-orders/WorkOrderPage";
import { WorkOrdersPage } from "./features/work-orders/WorkOrdersPage";

export interface TRouterContext {
  queryClient: QueryClient;
  trpc: typeof trpc;
}

function currentUser(context: TRouterContext): Promise<TSessionUser | null> {
  return context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
}

const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: Outlet,
  errorComponent: StandaloneErrorPage,
  notFoundComponent: NotFoundPage,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context }) => {
    const user = await currentUser(context);
    throw redirect({ to: user ? homeFor(user.role) : "/login", replace: true });
  },
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  beforeLoad: async ({ context }) => {
    let user: TSessionUser | null = null;
    try {
      user = await currentUser(context);
    } catch {
      // API unreachable: show the form anyway; signing in will say what is wrong.
    }
    if (user) throw redirect({ to: homeFor(user.role), replace: true });
  },
  component: SignInPage,
  errorComponent: StandaloneErrorPage,
});

/** The signed-in frame; its children are the screens. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context }) => {
    const user = await currentUser(context);
    if (!user) throw redirect({ to: "/login", replace: true });
    return { user };
  },
  component: AppLayout,
  errorComponent: StandaloneErrorPage,
});

function requireScreen(screen: TScreen) {
  return ({ context }: { context: { user: TSessionUser } }) => {
    if (!canUse(context.user.role, screen)) throw redirect({ to: homeFor(context.user.role), replace: true });
  };
}

const deskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "desk",
  beforeLoad: requireScreen("desk"),
  component: DeskPage,
});

const overviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "overview",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("overview"),
  component: OverviewRouteComponent,
});

function OverviewRouteComponent() {
  const search = overviewRoute.useSearch();
  const navigate = overviewRoute.useNavigate();
  return <OverviewPage search={search} onPeriodChange={(period) => void navigate({ search: period })} />;
}

const analysisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "analysis",
  validateSearch: parseAnalysisSearch,
  beforeLoad: requireScreen("analysis"),
  component: AnalysisRouteComponent,
});

function AnalysisRouteComponent() {
  const search = analysisRoute.useSearch();
  const navigate = analysisRoute.useNavigate();
  return <AnalysisPage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
}

const catalogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "catalog",
  validateSearch: parseCatalogSearch,
  beforeLoad: requireScreen("catalog"),
  component: CatalogRouteComponent,
});

function CatalogRouteComponent() {
  const search = catalogRoute.useSearch();
  const navigate = catalogRoute.useNavigate();
  return <CatalogPage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
}

const devicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "devices",
  beforeLoad: requireScreen("devices"),
  component: DevicesPage,
});

/** Every signed-in user's own account: no screen rule beyond being signed in. */
const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "account",
  component: AccountPage,
});

const provinceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "province",
  beforeLoad: requireScreen("province"),
  component: ProvincePage,
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "audit",
  beforeLoad: requireScreen("audit"),
  component: AuditPage,
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "import",
  beforeLoad: requireScreen("import"),
  component: ImportPage,
});

const apiClientsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "api-clients",
  beforeLoad: requireScreen("apiClients"),
  component: ApiClientsPage,
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "calendar",
  validateSearch: parseCalendarSearch,
  beforeLoad: requireScreen("calendar"),
  component: CalendarRouteComponent,
});

function CalendarRouteComponent() {
  const search = calendarRoute.useSearch();
  const navigate = calendarRoute.useNavigate();
  return <CalendarPage search={search} onYearChange={(year) => void navigate({ search: { year } })} />;
}

const workOrdersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders",
  validateSearch: parseWorkOrderSearch,
  beforeLoad: requireScreen("workOrders"),
  component: WorkOrdersRouteComponent,
});

function WorkOrdersRouteComponent() {
  const search = workOrdersRoute.useSearch();
  const navigate = workOrdersRoute.useNavigate();
  return <WorkOrdersPage search={search} onSearchChange={(next) => void navigate({ search: next })} />;
}

const workOrderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "work-orders/$id",
  beforeLoad: requireScreen("workOrders"),
  component: WorkOrderRouteComponent,
});

function WorkOrderRouteComponent() {
  const { id } = workOrderRoute.useParams();
  // An id that is not a positive integer gets the page's own "invalid" notice, not a request.
  return <WorkOrderPage key={id} id={/^\d+$/.test(id) ? Number(id) : Number.NaN} />;
}

// 窗口绩效 and its drill-down: window → staff → item → ratings. Every step keeps the period in
// its search params, so a link copied from any step opens the same figures.
const performanceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: PerformanceRouteComponent,
});

function PerformanceRouteComponent() {
  const search = performanceRoute.useSearch();
  const navigate = performanceRoute.useNavigate();
  return <PerformancePage search={search} onPeriodChange={(period) => void navigate({ search: period })} />;
}

const rankingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/settings",
  beforeLoad: requireScreen("performance"),
  component: RankingSettingsPage,
});

const windowStaffRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: function WindowStaffRouteComponent() {
    const params = windowStaffRoute.useParams();
    return <WindowStaffPage search={windowStaffRoute.useSearch()} windowId={idParam(params.windowId)} />;
  },
});

const staffItemsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("performance"),
  component: function StaffItemsRouteComponent() {
    const params = staffItemsRoute.useParams();
    return <StaffItemsPage search={staffItemsRoute.useSearch()} windowId={idParam(params.windowId)} staffId={idParam(params.staffId)} />;
  },
});

const itemRatingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "performance/windows/$windowId/staff/$staffId/items/$itemId",
  validateSearch: parseRatingsSearch,
  beforeLoad: requireScreen("performance"),
  component: function ItemRatingsRouteComponent() {
    const params = itemRatingsRoute.useParams();
    const search = itemRatingsRoute.useSearch();
    const navigate = itemRatingsRoute.useNavigate();
    return (
      <ItemRatingsPage
        search={search}
        windowId={idParam(params.windowId)}
        staffId={idParam(params.staffId)}
        itemId={idParam(params.itemId)}
        onPageChange={(page) => void navigate({ search: { ...search, page: page > 1 ? page : undefined } })}
      />
    );
  },
});

const mineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "mine",
  validateSearch: parsePeriodSearch,
  beforeLoad: requireScreen("mine"),
  component: function MineRouteComponent() {
    const navigate = mineRoute.useNavigate();
    return <MinePage search={mineRoute.useSearch()} onPeriodChange={(period) => void navigate({ search: period })} />;
  },
});

const performanceRoutes = [performanceRoute, rankingSettingsRoute, windowStaffRoute, staffItemsRoute, itemRatingsRoute, mineRoute];

// 月度满意度报告 (month and version in the URL) and 年度汇总 (year in the URL).
const reportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports",
  validateSearch: parseReportSearch,
  beforeLoad: requireScreen("reports"),
  component: function ReportsRouteComponent() {
    const navigate = reportsRoute.useNavigate();
    return <ReportPage search={reportsRoute.useSearch()} onSearchChange={(next) => void navigate({ search: next })} />;
  },
});

const yearlyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "reports/yearly",
  validateSearch: parseYearlySearch,
  beforeLoad: requireScreen("reports"),
  component: function YearlyRouteComponent() {
    const navigate = yearlyRoute.useNavigate();
    return (
      <YearlyPage
        search={yearlyRoute.useSearch()}
        onYearChange={(year) => void navigate({ search: { year } })}
        onOpenMonth={(month) => void navigate({ to: "/reports", search: { month } })}
      />
    );
  },
});

const reportRoutes = [reportsRoute, yearlyRoute];

const routeTree = rootRoute.addChildren([
  indexRoute,
  loginRoute,
  appRoute.addChildren([deskRoute, overviewRoute, analysisRoute, catalogRoute, devicesRoute, importRoute, provinceRoute, accountRoute, apiClientsRoute, auditRoute, workOrdersRoute, workOrderRoute, calendarRoute, ...performanceRoutes, ...reportRoutes]),
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
