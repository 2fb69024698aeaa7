import { latestPromptsOfCases, listStaffCases, promptState } from "@hcp/db";
import { hallDate, hallDayBounds } from "@hcp/domain";

import type { TContext } from "../context-types";
import { isDueDateProvisional, provisionalCalendar } from "./calendar";

type TStaffContext = TContext & { staffId: number };

/** The desk's 今日办件: the staff member's cases of today, whether each was rated (never how) and its latest prompt's state. */
export async function todaysCases(ctx: TStaffContext) {
  const bounds = hallDayBounds(hallDate(ctx.now()));
  const rows = await listStaffCases(ctx.db, {
    staffId: ctx.staffId,
    start: bounds.start,
    end: bounds.end,
    limit: 200,
  });
  const [prompts, provisional] = await Promise.all([
    latestPromptsOfCases(
      ctx.db,
      rows.map((row) => row.id),
    ),
    provisionalCalendar(ctx.db),
  ]);
  return rows.map((row) => {
    const prompt = prompts.get(row.id);
    return {
      ...row,
      receivedAt: row.receivedAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      dueDateProvisional: isDueDateProvisional(provisional, row.receivedAt, row.dueDate),
      prompt: prompt ? { id: prompt.id, state: promptState(prompt), createdAt: prompt.created_at.toISOString() } : null,
    };
  });
}
