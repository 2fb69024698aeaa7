import type { RouterOutputs } from "@hcp/api";

/** Shapes of the API's answers, named once so presentational components need no tRPC import. */
export type TSessionUser = NonNullable<RouterOutputs["auth"]["me"]>;
export type TSetupStatus = RouterOutputs["setup"]["status"];
export type TWindowRow = RouterOutputs["window"]["list"][number];
export type TAccountRow = RouterOutputs["account"]["list"][number];
export type TWindowAdminRow = RouterOutputs["windowAdmin"]["list"][number];
export type TStaffAdminRow = RouterOutputs["staff"]["list"][number];
export type TCaseRow = RouterOutputs["case"]["mine"][number];
export type TPeriodOverview = RouterOutputs["overview"]["period"];
export type TMetrics = TPeriodOverview["totals"];
export type TWindowPerformance = TPeriodOverview["windows"][number];
export type TMonthPoint = RouterOutputs["overview"]["monthly"][number];
export type TDepartmentPerformance = RouterOutputs["overview"]["departments"][number];
export type TDepartmentRow = RouterOutputs["catalog"]["departments"][number];
export type TServiceItem = RouterOutputs["catalog"]["items"]["items"][number];
export type TCatalogueRow = RouterOutputs["catalogue"]["items"]["items"][number];
type TWorkOrderPage = RouterOutputs["workOrder"]["list"];
export type TWorkOrderRow = TWorkOrderPage["rows"][number];
export type TWorkOrderDetail = RouterOutputs["workOrder"]["byId"];
export type TWorkOrderEvent = TWorkOrderDetail["events"][number];
export type TWorkOrderMetricsRow = RouterOutputs["workOrder"]["metrics"][number];
export type TCountyHallRow = RouterOutputs["county"]["scope"]["halls"][number];
