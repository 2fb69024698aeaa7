import type { TSetupFacts, TSetupRef } from "@hcp/domain";

import type { Db } from "../client";
import { countWindowReceivedItems } from "./receiving-windows";

/** Count rows per window id, as numbers (MariaDB's COUNT arrives as a string or bigint). */
function countsByWindow(rows: readonly { windowId: number; n: number | string | bigint }[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const row of rows) counts.set(row.windowId, (counts.get(row.windowId) ?? 0) + Number(row.n));
  return counts;
}

async function countOf(query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> {
  return Number((await query)?.n ?? 0);
}

/**
 * 开始设置: the facts the domain's `setupChecklist` judges, read from the hall's own rows. Only what is
 * in use counts: departments not retired, active items of those departments, open windows, active
 * staff and accounts, evaluators holding a device token.
 */
export async function readSetupFacts(db: Db, hallId: number): Promise<TSetupFacts> {
  const [hall, activeDepartments, activeItems, windows, staff] = await Promise.all([
    db.selectFrom("hall").select(["name", "region_code as regionCode"]).where("id", "=", hallId).executeTakeFirst(),
    countOf(
      db
        .selectFrom("department")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("hall_id", "=", hallId)
        .where("retired_at", "is", null)
        .executeTakeFirst(),
    ),
    countOf(
      db
        .selectFrom("service_item")
        .innerJoin("department", "department.id", "service_item.department_id")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("department.hall_id", "=", hallId)
        .where("department.retired_at", "is", null)
        .where("service_item.active", "=", true)
        .executeTakeFirst(),
    ),
    db
      .selectFrom("window")
      .select(["id", "code", "name"])
      .where("hall_id", "=", hallId)
      .where("active", "=", true)
      .orderBy("sort_order")
      .orderBy("code")
      .execute(),
    db
      .selectFrom("staff")
      .select(["id", "badge_no as code", "name"])
      .where("hall_id", "=", hallId)
      .where("active", "=", true)
      .orderBy("badge_no")
      .execute(),
  ]);
  const windowIds = windows.map((window) => window.id);
  const staffIds = staff.map((member) => member.id);
  const [received, servers, paired, homes, accounts] = await Promise.all([
    countWindowReceivedItems(db, hallId),
    windowIds.length === 0 || staffIds.length === 0
      ? []
      : db
          .selectFrom("staff_window")
          .select((eb) => ["window_id as windowId", eb.fn.countAll<number>().as("n")])
          .where("window_id", "in", windowIds)
          .where("staff_id", "in", staffIds)
          .groupBy("window_id")
          .execute(),
    windowIds.length === 0
      ? []
      : db
          .selectFrom("evaluator_device")
          .select((eb) => ["window_id as windowId", eb.fn.countAll<number>().as("n")])
          .where("window_id", "in", windowIds)
          .where("token_hash", "is not", null)
          .groupBy("window_id")
          .execute(),
    // Home windows (position 0) that are open: a home window since retired serves no one.
    windowIds.length === 0 || staffIds.length === 0
      ? []
      : db
          .selectFrom("staff_window")
          .select("staff_id as staffId")
          .where("position", "=", 0)
          .where("window_id", "in", windowIds)
          .where("staff_id", "in", staffIds)
          .execute(),
    staffIds.length === 0
      ? []
      : db
          .selectFrom("user")
          .select("staff_id as staffId")
          .where("staff_id", "in", staffIds)
          .where("active", "=", true)
          .execute(),
  ]);
  const served = countsByWindow(servers);
  const pairedWindows = countsByWindow(
    paired.flatMap((row) => (row.windowId === null ? [] : [{ windowId: row.windowId, n: row.n }])),
  );
  const withAccount = new Set(accounts.map((row) => row.staffId));
  const staffWithoutAccount: TSetupRef[] = staff
    .filter((member) => !withAccount.has(member.id))
    .map(({ code, name }) => ({ code, name }));
  return {
    hallName: hall?.name ?? "",
    regionCode: hall?.regionCode ?? "",
    activeDepartments,
    activeItems,
    openWindows: windows.map((window) => ({
      code: window.code,
      name: window.name,
      receives: received.get(window.id) ?? 0,
      servers: served.get(window.id) ?? 0,
      evaluatorPaired: (pairedWindows.get(window.id) ?? 0) > 0,
    })),
    staffWithHomeWindow: new Set(homes.map((row) => row.staffId)).size,
    staffWithoutAccount,
    activeStaff: staff.length,
  };
}
