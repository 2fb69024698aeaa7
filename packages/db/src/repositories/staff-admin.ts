import type { Db } from "../client";

/** The hall's staff as its administrator keeps them: 工号, department, windows, phone, 上岗证, 离职. */

export interface TStaffAdminRow {
  id: number;
  badgeNo: string;
  name: string;
  departmentId: number;
  departmentName: string;
  /** the windows they may serve at, the home window first */
  windowIds: number[];
  phoneMasked: string;
  certificateNo: string;
  certificateExpiresOn: string | null;
  photoUrl: string;
  active: boolean;
  leftOn: string | null;
}

export async function listStaffForAdmin(
  db: Db,
  scope: { hallId: number; departmentId?: number | undefined },
): Promise<TStaffAdminRow[]> {
  let people = db
    .selectFrom("staff")
    .innerJoin("department", "department.id", "staff.department_id")
    .select([
      "staff.id",
      "staff.badge_no as badgeNo",
      "staff.name",
      "staff.department_id as departmentId",
      "department.name as departmentName",
      "staff.phone_masked as phoneMasked",
      "staff.certificate_no as certificateNo",
      "staff.certificate_expires_on as certificateExpiresOn",
      "staff.photo_url as photoUrl",
      "staff.active",
      "staff.left_on as leftOn",
    ])
    .where("staff.hall_id", "=", scope.hallId)
    .orderBy("staff.active", "desc")
    .orderBy("staff.badge_no");
  if (scope.departmentId !== undefined) people = people.where("staff.department_id", "=", scope.departmentId);
  const rows = await people.execute();
  if (rows.length === 0) return [];
  const windows = await db
    .selectFrom("staff_window")
    .select(["staff_id as staffId", "window_id as windowId"])
    .where(
      "staff_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("staff_id")
    .orderBy("position")
    .execute();
  const windowsOf = new Map<number, number[]>();
  for (const row of windows) windowsOf.set(row.staffId, [...(windowsOf.get(row.staffId) ?? []), row.windowId]);
  return rows.map((row) => ({ ...row, windowIds: windowsOf.get(row.id) ?? [] }));
}

/** The hall's windows among `ids` that staff may still be assigned to (not retired). */
export async function listActiveHallWindowIds(db: Db, hallId: number, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("window")
    .select("id")
    .where("hall_id", "=", hallId)
    .where("active", "=", true)
    .where("id", "in", [...ids])
    .execute();
  return rows.map((row) => row.id);
}

export interface TStaffRecord {
  badgeNo: string;
  name: string;
  departmentId: number;
  phoneCipher: string | null;
  phoneMasked: string;
  certificateNo: string;
  certificateExpiresOn: string | null;
}

/** A hall's staff member; with `lock`, locked for the change that follows (in its transaction). */
export async function findHallStaffRecord(
  db: Db,
  hallId: number,
  staffId: number,
  options: { lock?: boolean } = {},
): Promise<(TStaffRecord & { id: number; active: boolean; leftOn: string | null; photoUrl: string }) | undefined> {
  let query = db
    .selectFrom("staff")
    .select([
      "id",
      "badge_no as badgeNo",
      "name",
      "department_id as departmentId",
      "phone_cipher as phoneCipher",
      "phone_masked as phoneMasked",
      "certificate_no as certificateNo",
      "certificate_expires_on as certificateExpiresOn",
      "active",
      "left_on as leftOn",
      "photo_url as photoUrl",
    ])
    .where("id", "=", staffId)
    .where("hall_id", "=", hallId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

function staffColumns(staff: TStaffRecord) {
  return {
    badge_no: staff.badgeNo,
    name: staff.name,
    department_id: staff.departmentId,
    phone_cipher: staff.phoneCipher,
    phone_masked: staff.phoneMasked,
    certificate_no: staff.certificateNo,
    certificate_expires_on: staff.certificateExpiresOn,
  };
}

/** A new staff member; until a photo is uploaded the 亮牌 card shows the generated avatar. */
export async function insertStaff(trx: Db, hallId: number, staff: TStaffRecord): Promise<number> {
  const result = await trx
    .insertInto("staff")
    .values({
      hall_id: hallId,
      ...staffColumns(staff),
      photo_url: `/avatars/${staff.badgeNo}.svg`,
      active: true,
    })
    .executeTakeFirstOrThrow();
  return Number(result.insertId);
}

export async function updateStaff(trx: Db, staffId: number, staff: TStaffRecord): Promise<void> {
  await trx.updateTable("staff").set(staffColumns(staff)).where("id", "=", staffId).execute();
  // A generated avatar is addressed by 工号: it follows a changed one (an uploaded photo keeps its own address).
  await trx
    .updateTable("staff")
    .set({ photo_url: `/avatars/${staff.badgeNo}.svg` })
    .where("id", "=", staffId)
    .where("photo_url", "like", "/avatars/%")
    .execute();
}

/** The windows a staff member may serve at, in order: position 0 is the home window. */
export async function listStaffWindowIds(db: Db, staffId: number): Promise<number[]> {
  const rows = await db
    .selectFrom("staff_window")
    .select("window_id")
    .where("staff_id", "=", staffId)
    .orderBy("position")
    .execute();
  return rows.map((row) => row.window_id);
}

export async function setStaffWindows(trx: Db, staffId: number, windowIds: readonly number[]): Promise<void> {
  await trx.deleteFrom("staff_window").where("staff_id", "=", staffId).execute();
  if (windowIds.length === 0) return;
  await trx
    .insertInto("staff_window")
    .values(windowIds.map((windowId, position) => ({ staff_id: staffId, window_id: windowId, position })))
    .execute();
}

/** 离职: inactive from that day, kept on record with every case, rating and work order. */
export async function markStaffLeft(trx: Db, staffId: number, leftOn: string): Promise<void> {
  await trx.updateTable("staff").set({ active: false, left_on: leftOn }).where("id", "=", staffId).execute();
}

/** The 亮牌 photo as re-encoded: stored (replacing the last), and the staff member's card points at it. */
export async function saveStaffPhoto(
  trx: Db,
  photo: { staffId: number; image: Buffer; contentType: string; digest: string; url: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("staff_photo")
    .values({
      staff_id: photo.staffId,
      image: photo.image,
      content_type: photo.contentType,
      digest: photo.digest,
      uploaded_at: photo.now,
    })
    .onDuplicateKeyUpdate({
      image: photo.image,
      content_type: photo.contentType,
      digest: photo.digest,
      uploaded_at: photo.now,
    })
    .execute();
  await trx.updateTable("staff").set({ photo_url: photo.url }).where("id", "=", photo.staffId).execute();
}

/** A stored photo, only by its current digest: a replaced photo's address answers nothing. */
export async function findStaffPhoto(
  db: Db,
  staffId: number,
  digest: string,
): Promise<{ image: Buffer; contentType: string } | undefined> {
  return db
    .selectFrom("staff_photo")
    .select(["image", "content_type as contentType"])
    .where("staff_id", "=", staffId)
    .where("digest", "=", digest)
    .executeTakeFirst();
}

export interface TStaffPhoneRow {
  id: number;
  phone_cipher: string;
  phone_masked: string;
}

/** The next page (by id, after `afterId`) of staff members (any hall, left ones too) with a phone, for key rotation. */
export async function listStaffPhonePage(db: Db, afterId: number, pageSize: number): Promise<TStaffPhoneRow[]> {
  const rows = await db
    .selectFrom("staff")
    .select(["id", "phone_cipher", "phone_masked"])
    .where("id", ">", afterId)
    .where("phone_cipher", "is not", null)
    .orderBy("id")
    .limit(pageSize)
    .execute();
  return rows.flatMap(({ phone_cipher, ...row }) => (phone_cipher === null ? [] : [{ ...row, phone_cipher }]));
}

/**
 * A staff member's phone rewritten by key rotation, only while it is still the cipher the rotation
 * read: an edit saved meanwhile stays as saved. Answers whether the row was rewritten.
 */
export async function replaceStaffPhone(
  db: Db,
  staffId: number,
  readCipher: string,
  changes: { phone_cipher?: string; phone_masked?: string },
): Promise<boolean> {
  if (Object.keys(changes).length === 0) return false;
  const result = await db
    .updateTable("staff")
    .set(changes)
    .where("id", "=", staffId)
    .where("phone_cipher", "=", readCipher)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
