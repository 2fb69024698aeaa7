/**
 * Loads a province-size year server-side: MariaDB's Sequence engine (`seq_a_to_b`) feeds
 * `insert … select` statements in chunks, every value derived from hashes of the row number, so
 * twelve million ratings never pass through Node. The load runs on one connection with the rollup
 * triggers in bulk mode; the rollups are rebuilt once at the end (timed by the caller).
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import { sql, type RawBuilder } from "kysely";

import { NATIONAL_REASON_VERSION, NATIONAL_REASONS } from "@hcp/domain";

import type { Db } from "../client";
import { onHallClock } from "../hall-clock";
import { hashPassword } from "../passwords";
import {
  DEPARTMENT_NAMES,
  HALL_NAMES,
  HALL_PERMILLE,
  hash,
  isRated,
  PROVINCE_YEAR,
  ratedAt,
  ratingChannel,
  ratingLevel,
  timedOutPrompt,
  workingDays,
  workingDaysInYear,
  workOrderPlan,
  type TProvinceShape,
} from "./province-shape";

/** Rows per statement: large enough to amortise the statement, small enough to report progress. */
const CHUNK = 250_000;

export interface TLoadPhase {
  name: string;
  rows: number;
  ms: number;
}

export interface TProvinceHall {
  hallNo: number;
  hallId: number;
  code: string;
  name: string;
  managerUserId: number;
}

export interface TProvinceLoad {
  halls: TProvinceHall[];
  phases: TLoadPhase[];
}

type TLog = (line: string) => void;

/** One phase's clock and row count; statements add to it. */
class PhaseClock {
  readonly phases: TLoadPhase[] = [];

  async run(name: string, statement: RawBuilder<unknown>, conn: Db): Promise<number> {
    const started = performance.now();
    const result = await statement.execute(conn);
    const rows = Number(result.numAffectedRows ?? 0);
    let phase = this.phases.find((entry) => entry.name === name);
    if (!phase) {
      phase = { name, rows: 0, ms: 0 };
      this.phases.push(phase);
    }
    phase.rows += rows;
    phase.ms += performance.now() - started;
    return rows;
  }
}

const elt = (index: RawBuilder<unknown>, names: readonly string[]) =>
  sql`elt(${index}, ${sql.join(names.map((name) => sql.lit(name)))})`;

async function chunks(
  total: number,
  log: TLog,
  label: string,
  each: (from: number, to: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  let lastReport = started;
  for (let from = 1; from <= total; from += CHUNK) {
    const to = Math.min(total, from + CHUNK - 1);
    await each(from, to);
    const now = performance.now();
    if (now - lastReport > 15_000 || to === total) {
      const rate = (to * 1000) / (now - started);
      log(
        `  ${label}: ${to.toLocaleString("en")} / ${total.toLocaleString("en")} (${Math.round(rate).toLocaleString("en")}/s)`,
      );
      lastReport = now;
    }
  }
}

const seq = (from: number, to: number) => sql.table(`seq_${from}_to_${to}`);
/** Sequence numbers as signed integers: reference data subtracts from them. */
const numbers = (from: number, to: number) => sql`(select cast(seq as signed) as seq from ${seq(from, to)})`;

// ── reference data: halls, departments, items, windows, staff, devices, managers ─────────────
async function createHelperTables(conn: Db, shape: TProvinceShape): Promise<void> {
  await sql`create table bench_hall (hall_no int primary key, hall_id int not null, code varchar(32) not null)`.execute(
    conn,
  );
  await sql`create table bench_hall_slot (slot int primary key, hall_no int not null)`.execute(conn);
  await sql`create table bench_day (d int primary key, day date not null)`.execute(conn);
  await sql`create table bench_dept (hall_no int, dept_no int, department_id int not null, primary key (hall_no, dept_no))`.execute(
    conn,
  );
  await sql`create table bench_item (hall_no int, k int, id int not null, department_id int not null, case_type varchar(16) not null,
    promised_days int not null, primary key (hall_no, k))`.execute(conn);
  await sql`create table bench_window (hall_no int, w int, window_id int not null, dept_no int null, staff_count int not null,
    primary key (hall_no, w))`.execute(conn);
  await sql`create table bench_staff (hall_no int, w int, j int, staff_id int not null, primary key (hall_no, w, j))`.execute(
    conn,
  );
  await sql`create table bench_reason (level int, j int, code char(3) not null, primary key (level, j))`.execute(conn);

  const slots: { slot: number; hall_no: number }[] = [];
  HALL_PERMILLE.slice(0, shape.halls).forEach((permille, hallNo) => {
    for (let index = 0; index < permille; index++) slots.push({ slot: slots.length, hall_no: hallNo });
  });
  if (slots.length !== 1000) throw new Error(`hall shares add up to ${slots.length}‰, not 1000‰`);
  await sql`insert into bench_hall_slot (slot, hall_no) values ${sql.join(slots.map((row) => sql`(${row.slot}, ${row.hall_no})`))}`.execute(
    conn,
  );
  const days = workingDays();
  await sql`insert into bench_day (d, day) values ${sql.join(days.map((day, index) => sql`(${index}, ${day})`))}`.execute(
    conn,
  );
  const reasons = [1, 2, 3, 4, 5].flatMap((level) =>
    NATIONAL_REASONS.filter((reason) => reason.level === level)
      .slice(0, 3)
      .map((reason, j) => sql`(${level}, ${j}, ${reason.code})`),
  );
  await sql`insert into bench_reason (level, j, code) values ${sql.join(reasons)}`.execute(conn);
}

async function loadReferenceData(conn: Db, shape: TProvinceShape, clock: PhaseClock): Promise<TProvinceHall[]> {
  const phase = "halls, departments, items, windows, staff";
  const codes = Array.from({ length: shape.halls }, (_, index) => `P${String(index + 1).padStart(2, "0")}`);
  const hallRows = codes.map(
    (code, index) =>
      sql`(${code}, ${HALL_NAMES[index] ?? `${code}政务服务中心`}, ${`33${String(index + 1).padStart(4, "0")}`})`,
  );
  await sql`insert into hall (code, name, region_code) values ${sql.join(hallRows)}`.execute(conn);
  await clock.run(
    phase,
    sql`insert into bench_hall (hall_no, hall_id, code) select cast(substr(code, 2) as unsigned) - 1, id, code from hall where code like 'P__'`,
    conn,
  );

  const departments = shape.departmentsPerHall - 1;
  await clock.run(
    phase,
    sql`insert into department (hall_id, code, name, sort_order)
      select h.hall_id, concat(h.code, '-D', lpad(s.seq, 2, '0')), ${elt(sql`s.seq + 1`, DEPARTMENT_NAMES)}, s.seq
      from bench_hall h cross join ${numbers(0, departments)} s`,
    conn,
  );
  await sql`insert into bench_dept (hall_no, dept_no, department_id)
    select h.hall_no, s.seq, d.id from bench_hall h cross join ${numbers(0, departments)} s
    join department d on d.code = concat(h.code, '-D', lpad(s.seq, 2, '0'))`.execute(conn);

  // Item k belongs to department k mod D; about 60 % are 即办件, the rest 承诺件 of 1–15 working days.
  const itemHash = hash("y", sql`concat(h.code, s.seq)`);
  await clock.run(
    phase,
    sql`insert into service_item (department_id, code, name, case_type, promised_days, active)
      select d.department_id, concat(h.code, '-I', lpad(s.seq, 4, '0')),
             concat(${elt(sql`d.dept_no + 1`, DEPARTMENT_NAMES)}, '服务事项', lpad(s.seq div ${shape.departmentsPerHall} + 1, 3, '0')),
             if(${itemHash} mod 10 < 6, 'instant', 'promised'),
             if(${itemHash} mod 10 < 6, 0, elt(1 + (${itemHash} div 10) mod 6, 1, 3, 5, 7, 10, 15)), 1
      from bench_hall h cross join ${numbers(0, shape.itemsPerHall - 1)} s
      join bench_dept d on d.hall_no = h.hall_no and d.dept_no = s.seq mod ${shape.departmentsPerHall}`,
    conn,
  );
  await sql`insert into bench_item (hall_no, k, id, department_id, case_type, promised_days)
    select h.hall_no, cast(substr(i.code, length(h.code) + 3) as unsigned), i.id, i.department_id, i.case_type, i.promised_days
    from bench_hall h join service_item i on i.code like concat(h.code, '-I%')`.execute(conn);

  // Windows: comprehensive ones (any department's items) then special ones, one department each.
  const comprehensive = shape.comprehensiveWindows;
  await clock.run(
    phase,
    sql`insert into \`window\` (hall_id, code, name, kind, department_id, active)
      select h.hall_id,
             if(s.seq < ${comprehensive}, concat('A', lpad(s.seq + 1, 2, '0')), concat('B', lpad(s.seq - ${comprehensive} + 1, 2, '0'))),
             if(s.seq < ${comprehensive}, concat('综合受理', s.seq + 1, '号窗口'), concat(${elt(sql`s.seq - ${comprehensive} + 2`, DEPARTMENT_NAMES)}, '专窗')),
             if(s.seq < ${comprehensive}, 'comprehensive', 'special'),
             if(s.seq < ${comprehensive}, null, d.department_id), 1
      from bench_hall h cross join ${numbers(0, shape.windowsPerHall - 1)} s
      left join bench_dept d on d.hall_no = h.hall_no and d.dept_no = s.seq - ${comprehensive} + 1`,
    conn,
  );
  // Staff k works at window k mod W: two or three per window.
  const perWindow = (w: string) =>
    sql`(${Math.floor(shape.staffPerHall / shape.windowsPerHall)} + (${sql.raw(w)} < ${shape.staffPerHall % shape.windowsPerHall}))`;
  await sql`insert into bench_window (hall_no, w, window_id, dept_no, staff_count)
    select h.hall_no, s.seq, w.id, if(s.seq < ${comprehensive}, null, s.seq - ${comprehensive} + 1), ${perWindow("s.seq")}
    from bench_hall h cross join ${numbers(0, shape.windowsPerHall - 1)} s
    join \`window\` w on w.hall_id = h.hall_id
      and w.code = if(s.seq < ${comprehensive}, concat('A', lpad(s.seq + 1, 2, '0')), concat('B', lpad(s.seq - ${comprehensive} + 1, 2, '0')))`.execute(
    conn,
  );
  const surnames = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "林",
    "罗",
    "高",
  ];
  const given = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "勇",
    "军",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "霞",
    "平",
  ];
  await clock.run(
    phase,
    sql`insert into staff (hall_id, department_id, badge_no, name, photo_url, active)
      select h.hall_id, d.department_id, concat(h.code, '-S', lpad(s.seq, 3, '0')),
             concat(${elt(sql`1 + ${hash("n", sql`concat(h.code, s.seq)`)} mod 20`, surnames)}, ${elt(sql`1 + ${hash("g", sql`concat(h.code, s.seq)`)} mod 20`, given)}),
             concat('/avatars/', h.code, '-S', lpad(s.seq, 3, '0'), '.svg'), 1
      from bench_hall h cross join ${numbers(0, shape.staffPerHall - 1)} s
      join bench_window bw on bw.hall_no = h.hall_no and bw.w = s.seq mod ${shape.windowsPerHall}
      join bench_dept d on d.hall_no = h.hall_no and d.dept_no = coalesce(bw.dept_no, 0)`,
    conn,
  );
  await sql`insert into bench_staff (hall_no, w, j, staff_id)
    select h.hall_no, s.seq mod ${shape.windowsPerHall}, s.seq div ${shape.windowsPerHall}, st.id
    from bench_hall h cross join ${numbers(0, shape.staffPerHall - 1)} s
    join staff st on st.badge_no = concat(h.code, '-S', lpad(s.seq, 3, '0'))`.execute(conn);
  await clock.run(
    phase,
    sql`insert into evaluator_device (window_id, device_code, token_hash, paired_at)
      select bw.window_id, concat('PJQ-', h.code, '-', bw.w), sha2(concat('bench-device-', bw.window_id), 256), ${`${PROVINCE_YEAR - 1}-12-30 01:00:00`}
      from bench_window bw join bench_hall h on h.hall_no = bw.hall_no`,
    conn,
  );

  const passwordHash = await hashPassword(randomBytes(16).toString("hex"));
  await clock.run(
    phase,
    sql`insert into \`user\` (username, password_hash, display_name, role, hall_id, department_id, staff_id, active, created_at)
      select concat('mgr_', lower(h.code)), ${passwordHash}, concat(h.code, '大厅负责人'), 'hall_manager', h.hall_id, null, null, 1,
             ${`${PROVINCE_YEAR - 1}-12-30 01:00:00`}
      from bench_hall h`,
    conn,
  );
  const halls = await sql<{ hall_no: number; hall_id: number; code: string; name: string; user_id: number }>`
    select h.hall_no, h.hall_id, h.code, hall.name, u.id as user_id from bench_hall h
    join hall on hall.id = h.hall_id join \`user\` u on u.username = concat('mgr_', lower(h.code)) order by h.hall_no`.execute(
    conn,
  );
  return halls.rows.map((row) => ({
    hallNo: row.hall_no,
    hallId: row.hall_id,
    code: row.code,
    name: row.name,
    managerUserId: row.user_id,
  }));
}

// ── cases ────────────────────────────────────────────────────────────────────────────────────
/**
 * Case n: completed on working day ⌊(n−1)·D/N⌋ (so cases arrive in time order and every index
 * grows at its end), at a hall drawn by its share, at a window (85 %) or online, for an item —
 * popular items far more often — and, for 承诺件, received some working days earlier with a due
 * date; about 4 % finish late.
 */
function insertCases(shape: TProvinceShape, yearDays: number, from: number, to: number): RawBuilder<unknown> {
  const items = shape.itemsPerHall;
  const windowDraw = hash("w", "g.n");
  const offWindow = sql`((${windowDraw} div 1000) mod 100 < 15)`;
  const itemDraw = hash("i", "g.n");
  const lateDraw = hash("p", "g.n");
  // Popular items first: k = ⌊K·u^2.2⌋; a special window's cases are its department's items.
  const skewed = sql`floor(${items} * pow((${itemDraw} mod 100000) / 100000, 2.2))`;
  const itemNo = sql`if(not ${offWindow} and bw.dept_no is not null,
      bw.dept_no + ${shape.departmentsPerHall} * ((${itemDraw} div 100000) mod ${Math.floor(items / shape.departmentsPerHall)}), ${skewed})`;
  // Working days between receipt and completion (承诺件): within the promise, or 1–3 days over it.
  const back = sql`if(i.case_type = 'instant', 0, if(${lateDraw} mod 100 < 4, i.promised_days + 1 + (${lateDraw} div 100) mod 3,
      (${lateDraw} div 100) mod (i.promised_days + 1)))`;
  const completedAt = sql`timestamp(cd.day) + interval 1 hour + interval (${hash("h", "g.n")} div 1000) mod 28800 second`;
  return sql`insert into \`case\` (id, case_no, hall_id, department_id, service_item_id, window_id, staff_id, handling_channel, case_type,
      promised_days, applicant_type, applicant_name_masked, applicant_contact_cipher, applicant_contact_hash, status,
      received_at, completed_at, due_date)
    select straight_join g.n, concat('SJ', ${PROVINCE_YEAR}, lpad(g.n, 10, '0')), h.hall_id, i.department_id, i.id,
           if(${offWindow}, null, bw.window_id), if(${offWindow}, null, bs.staff_id),
           if(${offWindow}, elt(1 + ${windowDraw} mod 3, 'online', 'self_service', 'post'), 'window'),
           i.case_type, i.promised_days, if(${itemDraw} mod 10 < 8, 'person', 'legal'), '张*', null, null, 'completed',
           if(rd.d = cd.d, ${completedAt} - interval (180 + (${itemDraw} div 10) mod 2400) second,
              timestamp(rd.day) + interval 1 hour + interval (${lateDraw} div 1000) mod 28800 second),
           ${completedAt},
           if(i.case_type = 'instant', null, dd.day)
    from (select seq as n, cast((seq - 1) * ${yearDays} div ${shape.cases} as signed) as d from ${seq(from, to)}) g
    join bench_day cd on cd.d = g.d
    join bench_hall_slot hs on hs.slot = ${hash("s", "g.n")} mod 1000
    join bench_hall h on h.hall_no = hs.hall_no
    join bench_window bw on bw.hall_no = hs.hall_no and bw.w = ${windowDraw} mod ${shape.windowsPerHall}
    join bench_staff bs on bs.hall_no = hs.hall_no and bs.w = bw.w and bs.j = (${windowDraw} div ${shape.windowsPerHall}) mod bw.staff_count
    join bench_item i on i.hall_no = hs.hall_no and i.k = ${itemNo}
    join bench_day rd on rd.d = greatest(g.d - ${back}, 0)
    join bench_day dd on dd.d = greatest(g.d - ${back}, 0) + i.promised_days`;
}

/** 请评价 invitations: one per window case rated on the evaluator (closed by the rating), and timed-out ones. */
function insertPrompts(shape: TProvinceShape, from: number, to: number): RawBuilder<unknown> {
  const rated = isRated(shape, "c.id");
  return sql`insert into rating_prompt (id, case_id, window_id, staff_id, status, created_at, closed_at)
    select c.id, c.id, c.window_id, c.staff_id, if(${rated}, 'rated', 'timed_out'), c.completed_at + interval 5 second,
           if(${rated}, ${ratedAt("c")}, c.completed_at + interval 65 second)
    from \`case\` c
    where c.id between ${from} and ${to} and c.window_id is not null
      and ((${rated} and ${ratingChannel("c")} = 4) or (not ${rated} and ${timedOutPrompt("c")}))`;
}

// ── ratings, reasons, work orders ────────────────────────────────────────────────────────────
function insertRatings(shape: TProvinceShape, from: number, to: number): RawBuilder<unknown> {
  return sql`insert into rating (id, case_id, seq, level, channel, is_default, comment, reason_version, hall_id, department_id,
      service_item_id, window_id, staff_id, prompt_id, idempotency_key, rated_at, received_at)
    select g.k, c.id, 1, ${ratingLevel("c")}, ${ratingChannel("c")}, 0, '', ${NATIONAL_REASON_VERSION}, c.hall_id, c.department_id,
           c.service_item_id, c.window_id, c.staff_id, if(${ratingChannel("c")} = 4, c.id, null),
           concat('bench-', lpad(g.k, 30, '0')), ${ratedAt("c")}, ${ratedAt("c")}
    from (select seq as k, (seq * ${shape.cases} + ${shape.ratings} - 1) div ${shape.ratings} as n from ${seq(from, to)}) g
    join \`case\` c on c.id = g.n`;
}

/** Every bad and 基本满意 rating gives a reason (bad ones must), one in ten of the others does. */
function insertReasons(from: number, to: number): RawBuilder<unknown> {
  return sql`insert into rating_reason (rating_id, reason_code)
    select r.id, br.code from rating r join bench_reason br on br.level = r.level and br.j = ${hash("r", "r.id")} mod 3
    where r.id between ${from} and ${to} and (r.level <= 3 or r.id mod 10 = 0)`;
}

/**
 * One work order per bad review, its fields consistent with its state (per-thousand plan):
 * < 20 待核实 overdue, < 50 整改中 overdue, < 80 appeal upheld (the rating excluded), < 130 已反馈,
 * < 180 closed but rectified late, else closed on time — and almost half of those answered by a
 * follow-up rating.
 */
function insertWorkOrders(from: number, to: number): RawBuilder<unknown> {
  const plan = workOrderPlan("r");
  const spread = sql`(${hash("q", "r.id")} div 1000)`;
  const rectified = sql`(case when ${plan} < 80 then null when ${plan} >= 130 and ${plan} < 180
      then r.rated_at + interval (25 + ${spread} mod 6) day else r.rated_at + interval (3 + ${spread} mod 12) day end)`;
  const replied = sql`(${rectified} + interval 1 day)`;
  const localDay = sql`date(${onHallClock("r.rated_at")})`;
  return sql`insert into work_order (rating_id, case_id, hall_id, department_id, window_id, staff_id, state, state_before_appeal,
      extension, extension_days, created_at, contact_due, rectify_due, contacted_at, rectified_at, replied_at, closed_at, reply,
      escalation, version)
    select r.id, r.case_id, r.hall_id, r.department_id, r.window_id, r.staff_id,
           case when ${plan} < 20 then 'pending' when ${plan} < 50 then 'rectifying' when ${plan} < 80 then 'closed'
                when ${plan} < 130 then 'replied' else 'closed' end,
           null, 'none', 0, r.rated_at, ${localDay} + interval 1 day, ${localDay} + interval 21 day,
           if(${plan} < 20 or (${plan} >= 50 and ${plan} < 80), null, r.rated_at + interval 20 hour),
           ${rectified},
           if(${plan} < 80, null, ${replied}),
           case when ${plan} < 50 or (${plan} >= 80 and ${plan} < 130) then null
                when ${plan} < 80 then r.rated_at + interval 2 day else ${replied} + interval 2 day end,
           if(${plan} < 80, '', '您反映的问题已整改，感谢您的监督。'),
           if(${plan} < 50, 1, 0), 3
    from rating r
    where r.id between ${from} and ${to} and r.seq = 1 and r.level <= 2`;
}

function insertExclusions(from: number, to: number): RawBuilder<unknown> {
  return sql`insert into rating_exclusion (rating_id, reason, note, approved_by, created_at)
    select w.rating_id, 'mistaken', '经核查录像，申诉成立', u.id, w.closed_at
    from work_order w join rating r on r.id = w.rating_id
    join \`user\` u on u.hall_id = w.hall_id and u.role = 'hall_manager'
    where w.rating_id between ${from} and ${to} and ${workOrderPlan("r")} >= 50 and ${workOrderPlan("r")} < 80`;
}

/** 追评 after the reply: 45 % of the orders closed on time, mostly satisfied. */
function insertFollowUps(shape: TProvinceShape, from: number, to: number): RawBuilder<unknown> {
  const followUp = hash("u", "w.id");
  return sql`insert into rating (id, case_id, seq, level, channel, is_default, comment, reason_version, hall_id, department_id,
      service_item_id, window_id, staff_id, prompt_id, idempotency_key, rated_at, received_at)
    select ${shape.ratings} + w.id, w.case_id, 2, if(${followUp} mod 100 < 85, 4 + (${followUp} div 100) mod 2, 3), 2, 0, '',
           ${NATIONAL_REASON_VERSION}, r.hall_id, r.department_id, r.service_item_id, r.window_id, r.staff_id, null,
           concat('bench-f-', lpad(w.id, 28, '0')), w.closed_at, w.closed_at
    from work_order w join rating r on r.id = w.rating_id
    where w.rating_id between ${from} and ${to} and ${workOrderPlan("r")} >= 180 and ${followUp} mod 100 < 45`;
}

/** The whole year, hall by hall: reference data, cases, prompts, ratings, reasons, work orders. */
export async function loadProvince(db: Db, shape: TProvinceShape, log: TLog): Promise<TProvinceLoad> {
  const clock = new PhaseClock();
  const days = workingDays();
  const yearDays = workingDaysInYear(days);
  const halls = await db.connection().execute(async (conn) => {
    // Bulk mode: the triggers queue nothing (the rollups are rebuilt once afterwards), and the
    // generated rows are consistent by construction, so foreign keys are not looked up per row.
    await sql`set @rollup_bulk_load = 1, foreign_key_checks = 0, unique_checks = 0`.execute(conn);
    try {
      await createHelperTables(conn, shape);
      const reference = await loadReferenceData(conn, shape, clock);
      log(
        `${shape.halls} halls, ${shape.halls * shape.itemsPerHall} items, ${shape.halls * shape.windowsPerHall} windows, ${shape.halls * shape.staffPerHall} staff`,
      );
      await chunks(shape.cases, log, "cases + prompts", async (from, to) => {
        await clock.run("cases", insertCases(shape, yearDays, from, to), conn);
        await clock.run("rating prompts", insertPrompts(shape, from, to), conn);
      });
      await chunks(shape.ratings, log, "ratings + reasons + work orders", async (from, to) => {
        await clock.run("ratings", insertRatings(shape, from, to), conn);
        await clock.run("rating reasons", insertReasons(from, to), conn);
        await clock.run("work orders, exclusions, follow-ups", insertWorkOrders(from, to), conn);
        await clock.run("work orders, exclusions, follow-ups", insertExclusions(from, to), conn);
        await clock.run("work orders, exclusions, follow-ups", insertFollowUps(shape, from, to), conn);
      });
      return reference;
    } finally {
      await sql`set @rollup_bulk_load = null, foreign_key_checks = 1, unique_checks = 1`.execute(conn);
    }
  });
  return { halls, phases: clock.phases };
}
