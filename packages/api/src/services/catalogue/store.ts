import {
  insertServiceItemVersions,
  latestItemVersions,
  replaceItemWindows,
  writeServiceItems,
  type Db,
  type TCatalogueItem,
  type TServiceItemVersionRow,
} from "@hcp/db";

import type { TItemState } from "./plan";

/** One item's change: its state before (null: new) and after. */
export interface TItemWrite {
  before: TCatalogueItem | null;
  after: TItemState;
}

function versionRow(
  itemId: number,
  version: number,
  state: TItemState,
  meta: Pick<TServiceItemVersionRow, "valid_from" | "source" | "changed_by_user_id">,
): TServiceItemVersionRow {
  return {
    service_item_id: itemId,
    version,
    department_id: state.department_id,
    name: state.name,
    case_type: state.case_type,
    promised_days: state.promised_days,
    legal_days: state.legal_days,
    in_hall: state.in_hall,
    active: state.active,
    window_ids: JSON.stringify(state.windowIds),
    ...meta,
  };
}

const sameWindows = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Writes items as they are to be from `now`, in the caller's transaction: the items themselves,
 * the windows of those whose windows changed, and a version each. An item changed for the first
 * time first gets its state until now as version 1 (valid since it was created). Cases received
 * from now take the new terms; cases already received keep the promised_days they copied.
 * Answers each new item's id by its code.
 */
export async function writeItems(
  trx: Db,
  writes: readonly TItemWrite[],
  meta: { now: Date; source: "import" | "manual"; userId: number | null },
): Promise<Map<string, number>> {
  if (writes.length === 0) return new Map();
  const ids = await writeServiceItems(
    trx,
    writes.map(({ before, after: { windowIds: _windows, ...item } }) => ({ item, exists: before !== null })),
  );
  const idOf = (write: TItemWrite) => write.before?.id ?? ids.get(write.after.code) ?? 0;
  const relinked = writes.filter((write) => !sameWindows(write.before?.windowIds ?? [], write.after.windowIds));
  await replaceItemWindows(
    trx,
    relinked.filter((write) => write.before).map(idOf),
    relinked.flatMap((write) =>
      write.after.windowIds.map((windowId) => ({ window_id: windowId, service_item_id: idOf(write) })),
    ),
  );
  const latest = await latestItemVersions(
    trx,
    writes.flatMap((write) => (write.before ? [write.before.id] : [])),
  );
  const versions: TServiceItemVersionRow[] = [];
  for (const write of writes) {
    const itemId = idOf(write);
    let version = latest.get(itemId) ?? 0;
    if (write.before && version === 0) {
      version = 1;
      versions.push(
        versionRow(itemId, version, write.before, { valid_from: null, source: "earlier", changed_by_user_id: null }),
      );
    }
    versions.push(
      versionRow(itemId, version + 1, write.after, {
        valid_from: meta.now,
        source: meta.source,
        changed_by_user_id: meta.userId,
      }),
    );
  }
  await insertServiceItemVersions(trx, versions);
  return ids;
}

/** An item's state for the audit trail: its terms in the catalogue's own names. */
export function auditState(state: TItemState) {
  return {
    code: state.code,
    name: state.name,
    departmentId: state.department_id,
    caseType: state.case_type,
    promisedDays: state.promised_days,
    legalDays: state.legal_days,
    inHall: state.in_hall,
    active: state.active,
    acceptingWindowIds: state.windowIds,
  };
}
