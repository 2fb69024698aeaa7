import { hallDate, hallDayBounds } from "@hcp/domain";

import type { TUserContext } from "./overview";

/**
 * SPEC §8: the rated staff never see who rated them. What window staff read about a bad review of
 * theirs keeps the complaint (level, reasons, comment, deadlines) and drops what would lead back to
 * the citizen: the case number, the applicant's masked contact and ID, and the time of day (a
 * timestamp narrows the citizen down to the one served at that minute) — the hall day stays.
 */
function hallDayOnly(iso: string): string;
function hallDayOnly(iso: string | null): string | null;
function hallDayOnly(iso: string | null): string | null {
  return iso === null ? null : hallDayBounds(hallDate(new Date(iso))).start.toISOString();
}

function isStaffViewer(ctx: TUserContext): boolean {
  return ctx.user.role === "window_staff";
}

export function orderRowForViewer<T extends { caseNo: string; createdAt: string }>(ctx: TUserContext, row: T): T {
  return isStaffViewer(ctx) ? { ...row, caseNo: "", createdAt: hallDayOnly(row.createdAt) } : row;
}

export function orderDetailForViewer<
  T extends {
    rating: { ratedAt: string };
    case: { caseNo: string; applicantContactMasked: string; applicantIdNoMasked: string; completedAt: string | null };
  },
>(ctx: TUserContext, detail: T): T {
  if (!isStaffViewer(ctx)) return detail;
  return {
    ...detail,
    rating: { ...detail.rating, ratedAt: hallDayOnly(detail.rating.ratedAt) },
    case: {
      ...detail.case,
      caseNo: "",
      applicantContactMasked: "",
      applicantIdNoMasked: "",
      completedAt: hallDayOnly(detail.case.completedAt),
    },
  };
}
