import { sql } from "kysely";
import { describe, expect, test } from "vitest";

import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, outcome } from "../test/harness";

/**
 * Two changes of the same window or department at once, in both orders. Each change appends its
 * audit record last, so holding the audit chain's head stops it there with every row it locked
 * still locked: the test lets the first change get that far, starts the second, sees it wait, and
 * then lets both finish.
 */

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

/**
 * Returns once `count` statements of the test database have been stuck for a while — waiting for a
 * row lock or for the held audit chain (this server's information_schema.innodb_trx does not list
 * every waiting transaction, the process list does). Fails after a few seconds without.
 */
async function stopped(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const waiting = await sql<{ n: number }>`
      select count(*) as n from information_schema.processlist
      where command = 'Query' and id != connection_id() and time_ms >= 200`.execute(getDb());
    const seen = Number(waiting.rows[0]?.n);
    if (seen >= count) return;
    if (Date.now() > deadline) throw new Error(`expected ${String(count)} statements waiting, saw ${String(seen)}`);
  }
}

/** Holds the audit chain's head until released: every audited change stops at its record. */
async function holdAuditChain(): Promise<() => Promise<void>> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let holding: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    holding = resolve;
  });
  const done = getDb()
    .transaction()
    .execute(async (trx) => {
      await sql`insert into audit_chain_head (id, last_id, last_hash) values (1, 0, ${"0".repeat(64)})
        on duplicate key update id = id`.execute(trx);
      holding();
      await released;
    });
  await held;
  return async () => {
    release();
    await done;
  };
}

/**
 * `first` runs up to its audit record, then `second` starts and runs until it waits for a lock (or
 * ends without one), then both finish.
 */
async function inOrder<A, B>(first: () => Promise<A>, second: () => Promise<B>) {
  const release = await holdAuditChain();
  try {
    const firstDone = outcome(first());
    await Promise.race([stopped(1), firstDone]);
    const secondDone = outcome(second());
    await Promise.race([stopped(2), secondDone]);
    await release();
    return [await firstDone, await secondDone] as const;
  } finally {
    await release();
  }
}

async function auditCount(action: string): Promise<number> {
  const row = await sql<{ n: number }>`select count(*) as n from audit_log where action = ${action}`.execute(getDb());
  return Number(row.rows[0]?.n);
}

describe("retiring a window while a staff member signs in there", () => {
  /** The second window without its evaluator (a paired one would refuse the retirement by itself). */
  async function unpairedWindow() {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const windowId = hall.windowIds[1];
    const device = (await manager.device.list()).find((row) => row.windowId === windowId);
    await manager.device.unpair({ deviceId: device?.id ?? 0 });
    const staff = await api.signedIn(hall.users.secondStaff.username);
    return { manager, staff, windowId };
  }

  async function openPresences(windowId: number) {
    return getDb()
      .selectFrom("window_presence")
      .select("staff_id")
      .where("window_id", "=", windowId)
      .where("signed_out_at", "is", null)
      .execute();
  }

  test("retired first: the sign-in waits for it and is refused; nobody is left signed in at a retired window", async () => {
    const { manager, staff, windowId } = await unpairedWindow();
    const [retired, signedIn] = await inOrder(
      () => manager.windowAdmin.retire({ windowId }),
      () => staff.window.signIn({ windowId }),
    );
    expect(retired).not.toHaveProperty("refused");
    expect(signedIn).toEqual({ refused: "WINDOW_RETIRED" });
    expect(await openPresences(windowId)).toEqual([]);
    expect(await auditCount("window.signIn")).toBe(0);
  });

  test("signed in first: the retirement waits for it and is refused while they are there", async () => {
    const { manager, staff, windowId } = await unpairedWindow();
    const [signedIn, retired] = await inOrder(
      () => staff.window.signIn({ windowId }),
      () => manager.windowAdmin.retire({ windowId }),
    );
    expect(signedIn).toEqual({ value: { windowId } });
    expect(retired).toEqual({ refused: "WINDOW_OCCUPIED" });
    expect(await openPresences(windowId)).toEqual([{ staff_id: hall.staffIds[1] }]);
    expect(await auditCount("window.retire")).toBe(0);
  });
});

describe("assigning staff and windows to a department while it is being retired", () => {
  /** A department nothing uses yet: retiring it is allowed until something is assigned to it. */
  async function newDepartment() {
    const admin = await api.signedIn(hall.users.admin.username);
    const { id } = await admin.department.create({ name: "县医疗保障局", creditCode: "91350100M000100Y43" });
    return { admin, departmentId: id };
  }

  const staffForm = (departmentId: number) => ({
    badgeNo: "T301",
    name: "周明",
    departmentId,
    windowIds: [hall.windowIds[0]],
    certificateNo: "",
    certificateExpiresOn: "",
  });
  const windowForm = (departmentId: number) => ({
    code: "B05",
    name: "医保专业窗口",
    kind: "special" as const,
    departmentIds: [departmentId],
    itemCodes: [],
    sortOrder: 50,
  });

  async function retiredAt(departmentId: number) {
    const row = await getDb()
      .selectFrom("department")
      .select("retired_at")
      .where("id", "=", departmentId)
      .executeTakeFirstOrThrow();
    return row.retired_at;
  }

  async function assigned(departmentId: number) {
    const [staff, windows] = await Promise.all([
      getDb().selectFrom("staff").select("id").where("department_id", "=", departmentId).execute(),
      getDb().selectFrom("window_department").select("window_id").where("department_id", "=", departmentId).execute(),
    ]);
    return { staff: staff.length, windows: windows.length };
  }

  test("retired first: a new staff member waits for it and is refused", async () => {
    const { admin, departmentId } = await newDepartment();
    const [retired, created] = await inOrder(
      () => admin.department.retire({ id: departmentId }),
      () => admin.staff.create(staffForm(departmentId)),
    );
    expect(retired).not.toHaveProperty("refused");
    expect(created).toEqual({ refused: "DEPARTMENT_NOT_FOUND" });
    expect(await assigned(departmentId)).toEqual({ staff: 0, windows: 0 });
  });

  test("retired first: a staff member moved into it waits for it and is refused", async () => {
    const { admin, departmentId } = await newDepartment();
    const [retired, moved] = await inOrder(
      () => admin.department.retire({ id: departmentId }),
      () =>
        admin.staff.update({
          staffId: hall.staffIds[0],
          staff: { ...staffForm(departmentId), badgeNo: "T000" },
        }),
    );
    expect(retired).not.toHaveProperty("refused");
    expect(moved).toEqual({ refused: "DEPARTMENT_NOT_FOUND" });
    expect(await assigned(departmentId)).toEqual({ staff: 0, windows: 0 });
  });

  test("retired first: a window receiving it waits for it and is refused", async () => {
    const { admin, departmentId } = await newDepartment();
    const [retired, created] = await inOrder(
      () => admin.department.retire({ id: departmentId }),
      () => admin.windowAdmin.create(windowForm(departmentId)),
    );
    expect(retired).not.toHaveProperty("refused");
    expect(created).toEqual({ refused: "WINDOW_DEPARTMENT_UNKNOWN" });
    expect(await assigned(departmentId)).toEqual({ staff: 0, windows: 0 });
  });

  test("retired first: a department head's account for it waits for it and is refused", async () => {
    const { admin, departmentId } = await newDepartment();
    const [retired, created] = await inOrder(
      () => admin.department.retire({ id: departmentId }),
      () =>
        admin.account.create({
          username: "zhou.ming",
          displayName: "周明",
          role: "department_head",
          departmentId,
          staffId: null,
        }),
    );
    expect(retired).not.toHaveProperty("refused");
    expect(created).toEqual({ refused: "ACCOUNT_DEPARTMENT_UNKNOWN" });
    const accounts = await getDb().selectFrom("user").select("id").where("department_id", "=", departmentId).execute();
    expect(accounts).toEqual([]);
  });

  test("assigned first: the retirement waits for the staff member and is refused while they are in it", async () => {
    const { admin, departmentId } = await newDepartment();
    const [created, retired] = await inOrder(
      () => admin.staff.create(staffForm(departmentId)),
      () => admin.department.retire({ id: departmentId }),
    );
    expect(created).not.toHaveProperty("refused");
    expect(retired).toEqual({ refused: "DEPARTMENT_IN_USE" });
    expect(await retiredAt(departmentId)).toBeNull();
  });

  test("assigned first: the retirement waits for the window and is refused while it receives the department", async () => {
    const { admin, departmentId } = await newDepartment();
    const [created, retired] = await inOrder(
      () => admin.windowAdmin.create(windowForm(departmentId)),
      () => admin.department.retire({ id: departmentId }),
    );
    expect(created).not.toHaveProperty("refused");
    expect(retired).toEqual({ refused: "DEPARTMENT_IN_USE" });
    expect(await retiredAt(departmentId)).toBeNull();
  });
});
