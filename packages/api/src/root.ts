import { accountRouter } from "./routers/account";
import { apiClientRouter } from "./routers/api-client";
import { auditRouter } from "./routers/audit";
import { authRouter } from "./routers/auth";
import { calendarRouter } from "./routers/calendar";
import { caseRouter } from "./routers/case";
import { catalogRouter } from "./routers/catalog";
import { catalogueRouter } from "./routers/catalogue";
import { countyRouter } from "./routers/county";
import { departmentRouter } from "./routers/department";
import { deviceRouter } from "./routers/device";
import { hallRouter } from "./routers/hall";
import { integrationCaseRouter } from "./routers/integration-case";
import { integrationRatingRouter } from "./routers/integration-rating";
import { integrationReadRouter } from "./routers/integration-read";
import { kioskRouter } from "./routers/kiosk";
import { onlineRouter } from "./routers/online";
import { overviewRouter } from "./routers/overview";
import { performanceRouter } from "./routers/performance";
import { provinceRouter } from "./routers/province";
import { ratingRouter } from "./routers/rating";
import { reportRouter } from "./routers/report";
import { setupRouter } from "./routers/setup";
import { signalRouter } from "./routers/signal";
import { staffRouter } from "./routers/staff";
import { windowRouter } from "./routers/window";
import { windowAdminRouter } from "./routers/window-admin";
import { workOrderRouter } from "./routers/work-order";
import { router } from "./trpc";

export const appRouter = router({
  account: accountRouter,
  apiClient: apiClientRouter,
  audit: auditRouter,
  auth: authRouter,
  calendar: calendarRouter,
  case: caseRouter,
  catalog: catalogRouter,
  catalogue: catalogueRouter,
  county: countyRouter,
  department: departmentRouter,
  device: deviceRouter,
  hall: hallRouter,
  integrationRating: integrationRatingRouter,
  integrationRead: integrationReadRouter,
  integrationCase: integrationCaseRouter,
  kiosk: kioskRouter,
  online: onlineRouter,
  overview: overviewRouter,
  performance: performanceRouter,
  province: provinceRouter,
  rating: ratingRouter,
  report: reportRouter,
  setup: setupRouter,
  signal: signalRouter,
  staff: staffRouter,
  window: windowRouter,
  windowAdmin: windowAdminRouter,
  workOrder: workOrderRouter,
});

export type AppRouter = typeof appRouter;
