import { createHash, randomBytes } from "node:crypto";

import type { Db } from "../client";
import { hashPassword } from "../passwords";
import { insertBlankHall } from "../repositories/accounts";
import { insertSession } from "../repositories/session";
import { insertUser } from "../repositories/user";
import { buildDemoCatalog, DEMO_CATALOGUE_HEADER, DEMO_HALL, demoCatalogueRows } from "../seed/index";

/**
 * The catalogue benchmark's hall: the demo hall's departments and windows with no service item
 * yet, an administrator with a live session, and the demo's 1,444 items as the province's
 * catalogue export lists them (事项编码, 事项名称, 实施部门, 办件类型, 承诺时限, 法定时限, 是否进驻大厅,
 * 受理窗口), for the import to load.
 */
export interface TCatalogueBench {
  hallId: number;
  sessionToken: string;
  /** one row per item, in the export's column order */
  rows: string[][];
}

export const CATALOGUE_BENCH_HEADER = DEMO_CATALOGUE_HEADER;

export async function createCatalogueBenchHall(db: Db): Promise<TCatalogueBench> {
  const catalog = buildDemoCatalog(DEMO_HALL.regionCode);
  const hallId = await insertBlankHall(db, {
    code: DEMO_HALL.code,
    name: DEMO_HALL.name,
    regionCode: DEMO_HALL.regionCode,
  });
  await db
    .insertInto("department")
    .values(catalog.departments.map((d) => ({ hall_id: hallId, code: d.code, name: d.name, sort_order: d.sortOrder })))
    .execute();
  await db
    .insertInto("window")
    .values(
      catalog.windows.map((w) => ({
        hall_id: hallId,
        code: w.code,
        name: w.name,
        kind: w.kind,
        department_id: null,
        active: true,
      })),
    )
    .execute();
  const now = new Date();
  const userId = await insertUser(db, {
    username: "bench_admin",
    password_hash: await hashPassword(randomBytes(16).toString("hex")),
    display_name: "基准测试管理员",
    role: "admin",
    hall_id: hallId,
    department_id: null,
    staff_id: null,
    active: true,
    created_at: now,
  });
  const sessionToken = randomBytes(32).toString("base64url");
  await insertSession(db, {
    id: createHash("sha256").update(sessionToken).digest("hex"),
    userId,
    now,
    expiresAt: new Date(now.getTime() + 12 * 3600_000),
  });
  const rows = demoCatalogueRows(catalog);
  return { hallId, sessionToken, rows };
}
