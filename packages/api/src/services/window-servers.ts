import { listWindowServers, type Db } from "@hcp/db";
import { hallDayBounds, type TPeriod } from "@hcp/domain";

/** A person who served at a window in a period, with the cases they completed there. */
export interface TServedStaff {
  id: number;
  name: string;
  badgeNo: string;
  casesCompleted: number;
}

/**
 * 在岗人员 of each window for a period: who was signed in there at some moment of it or completed
 * a case there, most cases first — not who happens to sit there today. A department head sees their
 * department's people only.
 */
export async function windowServers(
  db: Db,
  hallId: number,
  period: TPeriod,
  departmentId: number | undefined,
): Promise<Map<number, TServedStaff[]>> {
  const rows = await listWindowServers(db, {
    hallId,
    from: period.from,
    to: period.to,
    ...hallDayBounds(period.from, period.to),
    departmentId,
  });
  const byWindow = new Map<number, TServedStaff[]>();
  for (const row of rows) {
    const list = byWindow.get(row.windowId) ?? [];
    list.push({ id: row.staffId, name: row.name, badgeNo: row.badgeNo, casesCompleted: row.casesCompleted });
    byWindow.set(row.windowId, list);
  }
  for (const list of byWindow.values())
    list.sort((a, b) => b.casesCompleted - a.casesCompleted || a.badgeNo.localeCompare(b.badgeNo));
  return byWindow;
}

/** The names in one line, "王丽、李强"; null when nobody served. */
export function servedNames(staff: readonly TServedStaff[]): string | null {
  return staff.length === 0 ? null : staff.map((member) => member.name).join("、");
}
