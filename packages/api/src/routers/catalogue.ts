import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";

import { ZServiceItemFields } from "@hcp/domain";

import { ZServiceItemRow, ZUploadedFile } from "../schemas";
import { catalogueTemplate } from "../services/catalogue/file";
import { applyCatalogueImport, previewCatalogueImport } from "../services/catalogue/import";
import {
  catalogueItems,
  createServiceItem,
  serviceItemDetail,
  setServiceItemActive,
  updateServiceItem,
} from "../services/catalogue/items";
import { authedProcedure } from "../trpc";

const ZItemId = z.object({ id: z.number().int().positive() });

const ZRowProblem = z.object({ field: z.string(), column: z.string(), message: z.string() });
const ZFieldChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });

const ZPreview = z.object({
  fileName: z.string(),
  totalRows: z.number(),
  added: z.array(z.object({ row: z.number(), code: z.string(), name: z.string(), department: z.string() })),
  changed: z.array(z.object({ row: z.number(), code: z.string(), name: z.string(), changes: z.array(ZFieldChange) })),
  unchanged: z.number(),
  retired: z.array(z.object({ code: z.string(), name: z.string(), department: z.string() })),
  refused: z.array(z.object({ row: z.number(), code: z.string(), problems: z.array(ZRowProblem) })),
  planHash: z.string(),
});

const ZItemDetail = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  departmentId: z.number(),
  caseType: z.enum(["instant", "promised"]),
  promisedDays: z.number(),
  legalDays: z.number().nullable(),
  inHall: z.boolean(),
  active: z.boolean(),
  windowIds: z.array(z.number()),
  versions: z.array(
    z.object({
      version: z.number(),
      validFrom: z.string().nullable(),
      source: z.enum(["import", "manual", "earlier"]),
      changedBy: z.string().nullable(),
      name: z.string(),
      departmentName: z.string(),
      caseType: z.enum(["instant", "promised"]),
      promisedDays: z.number(),
      legalDays: z.number().nullable(),
      inHall: z.boolean(),
      active: z.boolean(),
      windows: z.array(z.string()),
    }),
  ),
});

/**
 * 事项目录 management (tRPC only: a file upload is no REST body of ours). Reading the catalogue
 * stays with catalog.items; these change it and show an item's history.
 */
export const catalogueRouter = {
  template: authedProcedure
    .output(z.object({ fileName: z.string(), csv: z.string() }))
    .query(() => ({ fileName: "事项目录导入模板.csv", csv: catalogueTemplate() })),

  /** The dry run: what applying the file would add, change, retire and refuse. Writes nothing. */
  previewImport: authedProcedure
    .input(ZUploadedFile)
    .output(ZPreview)
    .mutation(({ ctx, input }) => previewCatalogueImport(ctx, input)),

  applyImport: authedProcedure
    .input(
      z.object({
        file: ZUploadedFile,
        planHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "请先预览再导入" }),
        validRowsOnly: z.boolean(),
      }),
    )
    .output(
      z.object({
        added: z.number(),
        changed: z.number(),
        retired: z.number(),
        unchanged: z.number(),
        refused: z.number(),
      }),
    )
    .mutation(({ ctx, input }) => applyCatalogueImport(ctx, input)),

  items: authedProcedure
    .input(
      z.object({
        departmentId: z.number().int().positive().optional(),
        search: z.string().trim().max(50, { error: "搜索词不能超过 50 字" }).optional(),
        status: z.enum(["active", "retired", "all"]).default("active"),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(1).max(200).default(20),
      }),
    )
    .output(
      z.object({
        total: z.number(),
        items: z.array(
          ZServiceItemRow.extend({
            legalDays: z.number().nullable(),
            inHall: z.boolean(),
            active: z.boolean(),
            windows: z.array(z.string()),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => catalogueItems(ctx, input)),

  item: authedProcedure
    .input(ZItemId)
    .output(ZItemDetail)
    .query(({ ctx, input }) => serviceItemDetail(ctx, input.id)),

  create: authedProcedure
    .input(ZServiceItemFields)
    .output(z.object({ id: z.number() }))
    .mutation(({ ctx, input }) => createServiceItem(ctx, input)),

  update: authedProcedure
    .input(ZServiceItemFields.and(ZItemId))
    .output(z.object({ changes: z.array(ZFieldChange) }))
    .mutation(({ ctx, input }) => updateServiceItem(ctx, input)),

  retire: authedProcedure.input(ZItemId).mutation(({ ctx, input }) => setServiceItemActive(ctx, input.id, false)),

  restore: authedProcedure.input(ZItemId).mutation(({ ctx, input }) => setServiceItemActive(ctx, input.id, true)),
} satisfies TRPCRouterRecord;
