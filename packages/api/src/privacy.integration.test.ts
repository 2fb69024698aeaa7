import { createCipheriv, randomBytes, randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { listAudit, verifyAuditChain } from "@hcp/db";
import { createHallFixture, type THallFixture } from "@hcp/db/testing";
import { useTestDb } from "@hcp/db/testing/test-db";

import { apiHarness, appCodeOf, dayPassesForWorkOrders } from "../test/harness";
import { decryptWith, keyringDataKey, singleKeyring, type TDataKeyring } from "./services/contact";
import { findCaseIdsByApplicant, rekeyPersonalData } from "./services/privacy";

let hall: THallFixture;
const getDb = useTestDb({
  seed: async (db) => {
    hall = await createHallFixture(db);
  },
});
const api = apiHarness(getDb);

const PHONE = "13812345678";
const ID_NO = "11010519491231002X";

async function createCase(idNo?: string): Promise<number> {
  const staff = await api.signedIn(hall.users.window_staff.username);
  await staff.window.signIn({ windowId: hall.windowIds[0] });
  const created = await staff.case.create({
    serviceItemId: hall.itemIds.instant,
    applicantType: "person",
    applicantName: "郑一",
    applicantPhone: PHONE,
    ...(idNo === undefined ? {} : { applicantIdNo: idNo }),
  });
  return created.id;
}

async function caseRow(id: number) {
  return getDb().selectFrom("case").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** A cipher as written before ciphers named their key: iv | tag | body in one base64 string. */
function legacyCipher(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", api.dataKey, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

describe("applicant personal data", () => {
  test("phone and ID number are stored as key-id ciphers, keyed hashes and masks; lists show only masks", async () => {
    const id = await createCase(" 11010519491231002x ");
    const row = await caseRow(id);
    expect(row.applicant_contact_cipher).toMatch(/^k1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(row.applicant_id_no_cipher).toMatch(/^k1:/);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(JSON.stringify(row)).not.toContain(ID_NO);
    expect(row).toMatchObject({
      applicant_contact_masked: "138****5678",
      applicant_id_no_masked: "1101**********002X",
    });
    expect(row.applicant_contact_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.applicant_id_no_hash).not.toBe(row.applicant_contact_hash);
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect((await staff.case.mine())[0]).toMatchObject({
      applicantContactMasked: "138****5678",
      applicantIdNoMasked: "1101**********002X",
    });
  });

  test("an invalid ID number is refused with the reason", async () => {
    const staff = await api.signedIn(hall.users.window_staff.username);
    await staff.window.signIn({ windowId: hall.windowIds[0] });
    const refused = staff.case.create({
      serviceItemId: hall.itemIds.instant,
      applicantType: "person",
      applicantName: "郑一",
      applicantPhone: PHONE,
      applicantIdNo: "110105194912310021",
    });
    await expect(refused).rejects.toThrow("请输入有效的身份证号或统一社会信用代码");
  });

  test("cases are found by phone or ID number through the keyed hash, nothing decrypted", async () => {
    const withId = await createCase(ID_NO);
    const phoneOnly = await createCase();
    const ctx = { db: getDb(), dataKey: api.dataKey };
    expect(await findCaseIdsByApplicant(ctx, hall.hallId, { field: "phone", value: PHONE })).toEqual([
      withId,
      phoneOnly,
    ]);
    expect(await findCaseIdsByApplicant(ctx, hall.hallId, { field: "idNo", value: ID_NO })).toEqual([withId]);
    expect(await findCaseIdsByApplicant(ctx, hall.hallId, { field: "phone", value: "13900000000" })).toEqual([]);
    expect(
      await findCaseIdsByApplicant({ db: getDb(), dataKey: randomBytes(32) }, hall.hallId, {
        field: "phone",
        value: PHONE,
      }),
    ).toEqual([]);
  });

  test("revealing needs a permitted role and a reason, and every reveal is on the audit chain without the clear value", async () => {
    const caseId = await createCase(ID_NO);
    const manager = await api.signedIn(hall.users.hall_manager.username);
    expect(await manager.case.revealContact({ caseId, field: "phone", reason: "差评回访需致电" })).toEqual({
      value: PHONE,
      masked: "138****5678",
    });
    const head = await api.signedIn(hall.users.department_head.username);
    expect((await head.case.revealContact({ caseId, field: "idNo", reason: "核实申请人身份" })).value).toBe(ID_NO);
    const staff = await api.signedIn(hall.users.window_staff.username);
    expect((await staff.case.revealContact({ caseId, field: "phone", reason: "通知补正材料" })).value).toBe(PHONE);

    const auditor = await api.signedIn(hall.users.auditor.username);
    expect(await appCodeOf(auditor.case.revealContact({ caseId, field: "phone", reason: "随便看看看" }))).toBe(
      "CONTACT_REVEAL_FORBIDDEN",
    );
    const otherStaff = await api.signedIn(hall.users.secondStaff.username);
    expect(await appCodeOf(otherStaff.case.revealContact({ caseId, field: "phone", reason: "随便看看看" }))).toBe(
      "CONTACT_REVEAL_FORBIDDEN",
    );
    expect(await appCodeOf(manager.case.revealContact({ caseId, field: "phone", reason: "看" }))).toBe("BAD_REQUEST");
    const phoneOnly = await createCase();
    expect(
      await appCodeOf(manager.case.revealContact({ caseId: phoneOnly, field: "idNo", reason: "核实申请人身份" })),
    ).toBe("CONTACT_NOT_RECORDED");

    // Once the citizen has rated the case, its staff member may not reveal — after a good rating
    // too, so the refusal never tells them the level.
    const device = await api.caller({ deviceToken: hall.deviceTokens[0] });
    const praised = await createCase();
    await staff.case.complete({ caseId: praised });
    await device.rating.submit({ caseNo: (await caseRow(praised)).case_no, level: 5, idempotencyKey: randomUUID() });
    expect(await appCodeOf(staff.case.revealContact({ caseId: praised, field: "phone", reason: "通知补正材料" }))).toBe(
      "CONTACT_REVEAL_FORBIDDEN",
    );
    await staff.case.complete({ caseId });
    await device.rating.submit({
      caseNo: (await caseRow(caseId)).case_no,
      level: 1,
      reasonCodes: ["115"],
      idempotencyKey: randomUUID(),
    });
    expect(await appCodeOf(staff.case.revealContact({ caseId, field: "phone", reason: "通知补正材料" }))).toBe(
      "CONTACT_REVEAL_FORBIDDEN",
    );
    const order = await getDb()
      .selectFrom("work_order")
      .select("id")
      .where("case_id", "=", caseId)
      .executeTakeFirstOrThrow();
    expect((await head.workOrder.byId({ id: order.id })).case).toMatchObject({
      caseId,
      applicantContactMasked: "138****5678",
      applicantIdNoMasked: "1101**********002X",
    });
    await dayPassesForWorkOrders(getDb());
    expect((await staff.workOrder.byId({ id: order.id })).case).toMatchObject({
      applicantContactMasked: "",
      applicantIdNoMasked: "",
    });

    const reveals = (await listAudit(getDb(), { action: "case.revealContact", limit: 10 })).reverse();
    expect(reveals.map((record) => [record.actorUserId, record.actorRole, record.detail])).toEqual([
      [
        hall.users.hall_manager.id,
        "hall_manager",
        expect.objectContaining({ field: "phone", masked: "138****5678", reason: "差评回访需致电" }),
      ],
      [
        hall.users.department_head.id,
        "department_head",
        expect.objectContaining({ field: "idNo", masked: "1101**********002X", reason: "核实申请人身份" }),
      ],
      [hall.users.window_staff.id, "window_staff", expect.objectContaining({ field: "phone", reason: "通知补正材料" })],
    ]);
    const trail = JSON.stringify(await listAudit(getDb(), { limit: 100 }));
    expect(trail).not.toContain(PHONE);
    expect(trail).not.toContain(ID_NO);
    expect(await verifyAuditChain(getDb())).toMatchObject({ ok: true });
  });

  test("rotation re-encrypts every cipher under the current key; ciphers of the old key still open by their id meanwhile", async () => {
    const first = await createCase(ID_NO);
    const second = await createCase();
    const legacy = legacyCipher("13700001111");
    await getDb()
      .updateTable("case")
      .set({ applicant_contact_cipher: legacy, applicant_contact_masked: "" })
      .where("id", "=", second)
      .execute();

    const ring: TDataKeyring = {
      rootId: "k1",
      currentId: "k2",
      keys: new Map([
        ["k1", api.dataKey],
        ["k2", randomBytes(32)],
      ]),
    };
    const before = await caseRow(first);
    expect(decryptWith(ring, before.applicant_contact_cipher ?? "")).toBe(PHONE);
    expect(decryptWith(ring, legacy)).toBe("13700001111");
    expect(() => decryptWith(singleKeyring(randomBytes(32), "k2"), before.applicant_contact_cipher ?? "")).toThrow(
      "data key k1 is not configured",
    );

    expect(await rekeyPersonalData(getDb(), ring, new Date(), 1)).toEqual({
      cases: { examined: 2, reencrypted: 2 },
      staff: { examined: 0, reencrypted: 0 },
    });
    const [rotatedFirst, rotatedSecond] = [await caseRow(first), await caseRow(second)];
    expect(rotatedFirst.applicant_contact_cipher).toMatch(/^k2:/);
    expect(rotatedFirst.applicant_id_no_cipher).toMatch(/^k2:/);
    expect(rotatedSecond.applicant_contact_cipher).toMatch(/^k2:/);
    expect(decryptWith(ring, rotatedFirst.applicant_id_no_cipher ?? "")).toBe(ID_NO);
    expect(decryptWith(ring, rotatedSecond.applicant_contact_cipher ?? "")).toBe("13700001111");
    expect(rotatedSecond.applicant_contact_masked).toBe("137****1111");
    // Lookup hashes are keyed by the root key: unchanged by the rotation.
    expect(rotatedFirst.applicant_contact_hash).toBe(before.applicant_contact_hash);
    expect(
      await findCaseIdsByApplicant({ db: getDb(), dataKey: keyringDataKey(ring) }, hall.hallId, {
        field: "idNo",
        value: ID_NO,
      }),
    ).toEqual([first]);

    // The platform on the new ring reveals the rotated values; a second run rewrites nothing.
    const rotated = apiHarness(getDb, { dataKey: keyringDataKey(ring) });
    const manager = await rotated.signedIn(hall.users.hall_manager.username);
    expect((await manager.case.revealContact({ caseId: second, field: "phone", reason: "差评回访需致电" })).value).toBe(
      "13700001111",
    );
    expect(await rekeyPersonalData(getDb(), ring, new Date())).toEqual({
      cases: { examined: 2, reencrypted: 0 },
      staff: { examined: 0, reencrypted: 0 },
    });
    const rekeys = await listAudit(getDb(), { action: "privacy.rekey", limit: 5 });
    expect(rekeys.at(-1)).toMatchObject({
      actorRole: "system",
      entityId: "k2",
      after: { casesReencrypted: 2, ciphersFromKey: { k1: 3 } },
    });
  });

  test("the same run re-encrypts staff phones under the current key; masks stay, a second run rewrites nothing", async () => {
    const manager = await api.signedIn(hall.users.hall_manager.username);
    const staffFields = {
      departmentId: hall.departmentIds[0],
      windowIds: [hall.windowIds[0]],
      certificateNo: "",
      certificateExpiresOn: "",
    };
    const { staffId: withPhone } = await manager.staff.create({
      ...staffFields,
      badgeNo: "T201",
      name: "钱进",
      phone: "13912345678",
    });
    const { staffId: legacyPhone } = await manager.staff.create({
      ...staffFields,
      badgeNo: "T202",
      name: "孙丽",
      phone: "",
    });
    // A phone written before ciphers named their key, with no mask yet.
    const legacy = legacyCipher("13600002222");
    await getDb()
      .updateTable("staff")
      .set({ phone_cipher: legacy, phone_masked: "" })
      .where("id", "=", legacyPhone)
      .execute();
    const staffRow = (id: number) =>
      getDb()
        .selectFrom("staff")
        .select(["phone_cipher", "phone_masked"])
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
    const before = await staffRow(withPhone);
    expect(before.phone_cipher).toMatch(/^k1:/);

    const ring: TDataKeyring = {
      rootId: "k1",
      currentId: "k2",
      keys: new Map([
        ["k1", api.dataKey],
        ["k2", randomBytes(32)],
      ]),
    };
    // Staff without a phone (the fixture's two) are not examined.
    expect(await rekeyPersonalData(getDb(), ring, new Date(), 1)).toEqual({
      cases: { examined: 0, reencrypted: 0 },
      staff: { examined: 2, reencrypted: 2 },
    });
    const [rotated, rotatedLegacy] = [await staffRow(withPhone), await staffRow(legacyPhone)];
    expect(rotated.phone_cipher).toMatch(/^k2:/);
    expect(decryptWith(ring, rotated.phone_cipher ?? "")).toBe("13912345678");
    expect(rotated.phone_masked).toBe("139****5678");
    expect(rotatedLegacy.phone_cipher).toMatch(/^k2:/);
    expect(decryptWith(ring, rotatedLegacy.phone_cipher ?? "")).toBe("13600002222");
    expect(rotatedLegacy.phone_masked).toBe("136****2222");
    // The k1 key alone no longer opens them: nothing of the old key is left.
    expect(() => decryptWith(singleKeyring(api.dataKey, "k1"), rotated.phone_cipher ?? "")).toThrow();

    // An edit on the new ring keeps the rotated phone; a second run rewrites nothing.
    const rotatedApi = apiHarness(getDb, { dataKey: keyringDataKey(ring) });
    const rotatedManager = await rotatedApi.signedIn(hall.users.hall_manager.username);
    await rotatedManager.staff.update({
      staffId: withPhone,
      staff: { ...staffFields, badgeNo: "T201", name: "钱进二" },
    });
    expect((await staffRow(withPhone)).phone_cipher).toBe(rotated.phone_cipher);
    expect(await rekeyPersonalData(getDb(), ring, new Date())).toEqual({
      cases: { examined: 0, reencrypted: 0 },
      staff: { examined: 2, reencrypted: 0 },
    });
    const rekeys = await listAudit(getDb(), { action: "privacy.rekey", limit: 5 });
    expect(rekeys.map((record) => record.after)).toEqual([
      expect.objectContaining({ staffExamined: 2, staffReencrypted: 0, ciphersFromKey: {} }),
      expect.objectContaining({ staffExamined: 2, staffReencrypted: 2, ciphersFromKey: { k1: 2 } }),
    ]);
    expect(JSON.stringify(rekeys)).not.toContain("13912345678");
  });
});
