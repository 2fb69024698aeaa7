import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { STAFF_PHOTO, ZId, ZStaffForm, ZStaffUpdate } from "@hcp/domain";

import { createHallStaff, listHallStaff, markHallStaffLeft, updateHallStaff } from "../services/staff/admin";
import { uploadStaffPhoto } from "../services/staff/photo";
import { authedProcedure } from "../trpc";

const ZStaffAdminRow = z.object({
  id: z.number(),
  badgeNo: z.string(),
  name: z.string(),
  departmentId: z.number(),
  departmentName: z.string(),
  windowIds: z.array(z.number()),
  phoneMasked: z.string(),
  certificateNo: z.string(),
  certificateExpiresOn: z.string().nullable(),
  certificateState: z.enum(["none", "valid", "expiring", "expired"]),
  photoUrl: z.string(),
  active: z.boolean(),
  leftOn: z.string().nullable(),
});

const ZOk = z.object({ ok: z.literal(true) });

/** 工作人员: the hall's staff, kept by its administrators and managers. */
export const staffRouter = {
  list: authedProcedure.output(z.array(ZStaffAdminRow)).query(({ ctx }) => listHallStaff(ctx)),

  create: authedProcedure
    .input(ZStaffForm)
    .output(z.object({ staffId: z.number() }))
    .mutation(({ ctx, input }) => createHallStaff(ctx, input)),

  update: authedProcedure
    .input(ZStaffUpdate)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await updateHallStaff(ctx, input);
      return { ok: true as const };
    }),

  /** 离职: never deleted; signed out of their window at once. */
  leave: authedProcedure
    .input(z.object({ staffId: ZId }))
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await markHallStaffLeft(ctx, input.staffId);
      return { ok: true as const };
    }),

  /** 亮牌 photo: the file as base64; only the server's re-encoded copy is kept and served. */
  uploadPhoto: authedProcedure
    .input(
      z.object({
        staffId: ZId,
        content: z
          .string()
          .min(1, { error: "请选择照片" })
          // base64 of 5 MB, with room for line breaks: larger is refused before it is decoded
          .max(Math.ceil((STAFF_PHOTO.maxBytes * 4) / 3) + 1024, { error: "照片不能超过 5 MB" }),
      }),
    )
    .output(z.object({ photoUrl: z.string() }))
    .mutation(({ ctx, input }) => uploadStaffPhoto(ctx, input)),
} satisfies TRPCRouterRecord;
