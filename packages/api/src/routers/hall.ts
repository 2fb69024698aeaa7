import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZHallSettings, ZOpeningHours } from "@hcp/domain";

import { hallLogo, removeHallLogo, setHallLogo } from "../services/hall/logo";
import { hallSettings, saveHallSettings } from "../services/hall/settings";
import { authedProcedure } from "../trpc";

const ZHallSettingsView = z.object({
  name: z.string(),
  regionCode: z.string(),
  address: z.string(),
  openingHours: ZOpeningHours,
  openingHoursText: z.string(),
  logoUpdatedAt: z.string().nullable(),
});

/** 大厅设置: name, 行政区划代码, address, opening hours with 非工作日 handling, logo. */
export const hallRouter = {
  settings: authedProcedure.output(ZHallSettingsView).query(({ ctx }) => hallSettings(ctx)),

  update: authedProcedure
    .input(ZHallSettings)
    .output(ZHallSettingsView)
    .mutation(({ ctx, input }) => saveHallSettings(ctx, input)),

  logo: authedProcedure
    .output(z.object({ dataUrl: z.string(), updatedAt: z.string() }).nullable())
    .query(({ ctx }) => hallLogo(ctx)),

  /** The image travels base64-encoded in JSON (the route's body limit allows a 2 MB image). */
  setLogo: authedProcedure
    .input(z.object({ content: z.string().min(1, { error: "请选择标志图片" }) }))
    .output(z.object({ width: z.number(), height: z.number() }))
    .mutation(({ ctx, input }) => setHallLogo(ctx, input.content)),

  removeLogo: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await removeHallLogo(ctx);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
