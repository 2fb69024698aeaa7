import {
  findCaseById,
  findRatingOfCase,
  listApplicantDataPage,
  listCaseIdsByApplicantHash,
  listStaffPhonePage,
  replaceStaffPhone,
  updateCase,
  type Case,
  type Db,
} from "@hcp/db";
import { maskIdNumber, maskPhone, type TContactField, type TContactReveal } from "@hcp/domain";

import type { TContext } from "../context-types";
import { appError } from "../errors";
import { actorOf, audit, systemActor } from "./audit";
import {
  cipherKeyId,
  decryptContact,
  decryptWith,
  encryptWith,
  keyringOf,
  lookupHashWith,
  type TDataKeyring,
} from "./contact";

type TUserContext = TContext & { user: NonNullable<TContext["user"]> };

const FIELD_COLUMNS = {
  phone: { cipher: "applicant_contact_cipher", hash: "applicant_contact_hash", masked: "applicant_contact_masked" },
  idNo: { cipher: "applicant_id_no_cipher", hash: "applicant_id_no_hash", masked: "applicant_id_no_masked" },
} as const;

type TApplicantColumn = (typeof FIELD_COLUMNS)[TContactField][keyof (typeof FIELD_COLUMNS)["phone"]];
type TApplicantRow = { id: number } & Record<TApplicantColumn, string | null>;

/** The case columns that keep the applicant's phone number and ID number; "" or absent = none given. */
export function applicantDataColumns(dataKey: Buffer, input: { phone: string; idNo?: string | undefined }) {
  const ring = keyringOf(dataKey);
  const phone = input.phone === "" ? null : input.phone;
  const idNo = input.idNo === undefined || input.idNo === "" ? null : input.idNo;
  return {
    applicant_contact_cipher: phone === null ? null : encryptWith(ring, phone),
    applicant_contact_hash: phone === null ? null : lookupHashWith(ring, "phone", phone),
    applicant_contact_masked: phone === null ? "" : maskPhone(phone),
    applicant_id_no_cipher: idNo === null ? null : encryptWith(ring, idNo),
    applicant_id_no_hash: idNo === null ? null : lookupHashWith(ring, "idNo", idNo),
    applicant_id_no_masked: idNo === null ? "" : maskIdNumber(idNo),
  };
}

/**
 * Who may see a clear value: the hall's administrators and managers; a department head for the
 * cases of the department (回访 of a 差评 is the department's); the staff member who handled the
 * case, until a bad rating of it opens a work order about them (no contact with the citizen who
 * complained). Never a 督查 role: oversight needs no phone numbers.
 */
function mayReveal(user: TUserContext["user"], row: Case): boolean {
  if (row.hall_id !== user.hall_id) return false;
  switch (user.role) {
    case "admin":
    case "hall_manager":
      return true;
    case "department_head":
      return user.department_id === row.department_id;
    case "window_staff":
      return user.staff_id !== null && user.staff_id === row.staff_id;
    case "auditor":
      return false;
  }
}

/**
 * 查看完整号码: the clear phone or ID number of one case, for a stated reason. The record is
 * written before the value leaves, so no reveal goes unlogged; the record holds the reason and the
 * masked value, never the clear one.
 */
export async function revealContact(
  ctx: TUserContext,
  input: TContactReveal,
): Promise<{ value: string; masked: string }> {
  const row = await findCaseById(ctx.db, input.caseId);
  if (row?.hall_id !== ctx.user.hall_id || !row) throw appError("CASE_NOT_FOUND", "NOT_FOUND");
  if (!mayReveal(ctx.user, row) || (ctx.user.role === "window_staff" && (await isRated(ctx.db, row.id)))) {
    throw appError("CONTACT_REVEAL_FORBIDDEN", "FORBIDDEN");
  }
  const stored = storedField(row, input.field);
  if (!stored.cipher) throw appError("CONTACT_NOT_RECORDED", "NOT_FOUND");
  const value = decryptContact(ctx.dataKey, stored.cipher);
  const masked = stored.masked || maskFor(input.field, value);
  await audit(ctx.db, actorOf(ctx), {
    action: "case.revealContact",
    entity: "case",
    entityId: row.id,
    detail: { field: input.field, masked, reason: input.reason, caseNo: row.case_no },
  });
  return { value, masked };
}

/**
 * Once the citizen has rated a case, its staff member may not reveal the number, whatever the
 * level: refusing only after a 差评 (when its work order exists) would tell them the level the
 * same day, and "rated" is already on their desk.
 */
async function isRated(db: Db, caseId: number): Promise<boolean> {
  return (await findRatingOfCase(db, caseId, 1)) !== undefined;
}

/** Roles a work order shows the applicant's masked contact to: those who call the citizen back. */
export function seesContactOnWorkOrder(role: string): boolean {
  return role === "admin" || role === "hall_manager" || role === "department_head";
}

function storedField(row: Case, field: TContactField): { cipher: string | null; masked: string } {
  const columns = FIELD_COLUMNS[field];
  return { cipher: row[columns.cipher], masked: row[columns.masked] };
}

function maskFor(field: TContactField, value: string): string {
  return field === "phone" ? maskPhone(value) : maskIdNumber(value);
}

/** Case ids of the hall whose applicant has this phone or ID number, by keyed hash: nothing decrypted. */
export async function findCaseIdsByApplicant(
  ctx: Pick<TContext, "db" | "dataKey">,
  hallId: number,
  by: { field: TContactField; value: string },
): Promise<number[]> {
  const ring = keyringOf(ctx.dataKey);
  const column = FIELD_COLUMNS[by.field].hash;
  return listCaseIdsByApplicantHash(ctx.db, hallId, column, lookupHashWith(ring, by.field, by.value));
}

interface TRekeyCount {
  examined: number;
  reencrypted: number;
}

export interface TRekeyResult {
  /** cases holding an applicant's phone or ID number */
  cases: TRekeyCount;
  /** staff members holding a phone */
  staff: TRekeyCount;
}

/** A cipher under the current key, written again if it is not (unprefixed ciphers of before key ids too). */
function currentCipher(ring: TDataKeyring, cipher: string): { value: string; cipher: string; fromKey: string | null } {
  const value = decryptWith(ring, cipher);
  const keyId = cipherKeyId(ring, cipher);
  // Unprefixed ciphers of before key ids are rewritten too, so every cipher names its key.
  const stale = keyId !== ring.currentId || !cipher.includes(":");
  return stale ? { value, cipher: encryptWith(ring, value), fromKey: keyId } : { value, cipher, fromKey: null };
}

/** What one field of a row needs to be current: cipher under the current key, hash, mask. */
function refreshField(
  ring: TDataKeyring,
  field: TContactField,
  row: TApplicantRow,
): { changes: Partial<Record<TApplicantColumn, string>>; fromKey: string | null } {
  const columns = FIELD_COLUMNS[field];
  const stored = row[columns.cipher];
  if (!stored) return { changes: {}, fromKey: null };
  const { value, cipher, fromKey } = currentCipher(ring, stored);
  const changes: Partial<Record<TApplicantColumn, string>> = {};
  if (cipher !== stored) changes[columns.cipher] = cipher;
  const hash = lookupHashWith(ring, field, value);
  if (row[columns.hash] !== hash) changes[columns.hash] = hash;
  const masked = maskFor(field, value);
  if (row[columns.masked] !== masked) changes[columns.masked] = masked;
  return { changes, fromKey };
}

/** Counts, per key id, the ciphers a run moved off it. */
type TFromKeys = Record<string, number>;

function countFromKey(fromKeys: TFromKeys, keyId: string | null): void {
  if (keyId !== null) fromKeys[keyId] = (fromKeys[keyId] ?? 0) + 1;
}

async function rekeyApplicantData(db: Db, ring: TDataKeyring, pageSize: number, fromKeys: TFromKeys) {
  const count: TRekeyCount = { examined: 0, reencrypted: 0 };
  let afterId = 0;
  for (;;) {
    const rows: TApplicantRow[] = await listApplicantDataPage(db, afterId, pageSize);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const phone = refreshField(ring, "phone", row);
        const idNo = refreshField(ring, "idNo", row);
        countFromKey(fromKeys, phone.fromKey);
        countFromKey(fromKeys, idNo.fromKey);
        if (phone.fromKey !== null || idNo.fromKey !== null) count.reencrypted += 1;
        await updateCase(trx, row.id, { ...phone.changes, ...idNo.changes });
      }
    });
    count.examined += rows.length;
    afterId = rows.at(-1)?.id ?? afterId;
  }
  return count;
}

/** Staff phones (encrypted like applicants' contact, kept without a lookup hash): cipher and mask made current. */
async function rekeyStaffPhones(db: Db, ring: TDataKeyring, pageSize: number, fromKeys: TFromKeys) {
  const count: TRekeyCount = { examined: 0, reencrypted: 0 };
  let afterId = 0;
  for (;;) {
    const rows = await listStaffPhonePage(db, afterId, pageSize);
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const { value, cipher, fromKey } = currentCipher(ring, row.phone_cipher);
        const masked = maskPhone(value);
        const changes = {
          ...(cipher === row.phone_cipher ? {} : { phone_cipher: cipher }),
          ...(masked === row.phone_masked ? {} : { phone_masked: masked }),
        };
        // A phone edited since the page was read keeps the edit (the next run looks at it again).
        const written = await replaceStaffPhone(trx, row.id, row.phone_cipher, changes);
        if (written && fromKey !== null) {
          countFromKey(fromKeys, fromKey);
          count.reencrypted += 1;
        }
      }
    });
    count.examined += rows.length;
    afterId = rows.at(-1)?.id ?? afterId;
  }
  return count;
}

/**
 * Key rotation (`npm run privacy:rekey`): every cipher of personal data not under the current key
 * — applicants' phone and ID number on cases, staff members' phones — is decrypted under its own
 * key id and written again under the current one; lookup hashes and masks are recomputed on the
 * way (they may predate the derived lookup keys or the stored masks). Runs in pages, each page in
 * a transaction, and ends with one audit record. Safe to repeat: a second run rewrites nothing.
 */
export async function rekeyPersonalData(db: Db, ring: TDataKeyring, now: Date, pageSize = 500): Promise<TRekeyResult> {
  const fromKeys: TFromKeys = {};
  const cases = await rekeyApplicantData(db, ring, pageSize, fromKeys);
  const staff = await rekeyStaffPhones(db, ring, pageSize, fromKeys);
  await audit(db, systemActor(now), {
    action: "privacy.rekey",
    entity: "data_key",
    entityId: ring.currentId,
    after: {
      currentKeyId: ring.currentId,
      casesExamined: cases.examined,
      casesReencrypted: cases.reencrypted,
      staffExamined: staff.examined,
      staffReencrypted: staff.reencrypted,
      ciphersFromKey: fromKeys,
    },
  });
  return { cases, staff };
}
