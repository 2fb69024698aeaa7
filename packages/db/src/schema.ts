import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

import type {
  TApplicantType,
  TCalendarExceptionKind,
  TCaseStatus,
  TCaseType,
  TChannel,
  TExtensionState,
  THallKind,
  THandlingChannel,
  TLevel,
  TLevelCoding,
  TProvinceRecordKind,
  TRole,
  TSignalKind,
  TUserScope,
  TWorkOrderState,
} from "@hcp/domain";

export type { TApplicantType, TCaseStatus, TCaseType, THandlingChannel, TSignalKind };

/**
 * Table types, written by hand in Kysely's style: nullable columns are `T | null`, never optional;
 * columns the database fills are `Generated`. All times are UTC `DATETIME(3)`. Columns holding one of
 * the domain's values (levels, channels, roles, states, kinds) are typed with the domain's unions.
 */

type Timestamp = ColumnType<Date, Date, Date>;

export interface HallTable {
  id: Generated<number>;
  code: string;
  name: string;
  region_code: string;
  rating_window_days: number;
  prompt_timeout_seconds: Generated<number>;
  default_rating_enabled: Generated<boolean>;
  default_rating_level: Generated<TLevel>;
  /** when the default-rating rule took effect: only cases completed since get one; null while off */
  default_rating_from: Generated<Date | null>;
  contact_due_days: Generated<number>;
  rectify_due_days: Generated<number>;
  /** JSON of the ranking weights; "" = the published defaults */
  ranking_weights: Generated<string>;
  ranking_min_sample: Generated<number>;
  address: Generated<string>;
  /** JSON of the opening hours (domain's ZOpeningHours); "" = the default until someone saves them */
  opening_hours: Generated<string>;
  /** the county the hall belongs to; null: a hall on its own */
  county_id: Generated<number | null>;
  kind: Generated<THallKind>;
  /** 12-digit 行政区划代码 of the hall's area (township, village); null before the county is set up */
  area_code: Generated<string | null>;
  /** a village service point's township centre */
  parent_hall_id: Generated<number | null>;
  /** the hall's place in county lists (the county centre first) */
  sort_order: Generated<number>;
}

/** 区县: the unit above the halls, named by its 12-digit 行政区划代码. */
export interface CountyTable {
  id: Generated<number>;
  area_code: string;
  name: string;
  created_at: Generated<Date>;
}

/** A hall's logo, re-encoded to PNG on upload; apart from the hall row, which many reads take whole. */
export interface HallLogoTable {
  hall_id: number;
  image: Buffer;
  updated_at: Timestamp;
}

export interface DepartmentTable {
  id: Generated<number>;
  hall_id: number;
  code: string;
  name: string;
  sort_order: number;
  short_name: Generated<string>;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  /** when it was retired: kept with its history, hidden from pickers; null while in use */
  retired_at: Generated<Date | null>;
}

export interface ServiceItemTable {
  id: Generated<number>;
  department_id: number;
  code: string;
  name: string;
  case_type: TCaseType;
  promised_days: number;
  active: boolean;
  /** 法定时限 in working days; null where the catalogue states none */
  legal_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** 是否进驻大厅 */
  in_hall: Generated<boolean>;
}

export type TServiceItemVersionSource = "import" | "manual" | "earlier";

/**
 * One state of a service item, from valid_from on (null: since the item was created, the state
 * before its first recorded change). The item's row is always its newest version.
 */
export interface ServiceItemVersionTable {
  id: Generated<number>;
  service_item_id: number;
  version: number;
  valid_from: Date | null;
  department_id: number;
  name: string;
  case_type: TCaseType;
  promised_days: number;
  legal_days: number | null;
  in_hall: boolean;
  active: boolean;
  /** JSON array of window ids */
  window_ids: string;
  source: TServiceItemVersionSource;
  changed_by_user_id: number | null;
}

export type TWindowKind = "comprehensive" | "special";

export interface WindowTable {
  id: Generated<number>;
  hall_id: number;
  code: string;
  name: string;
  kind: TWindowKind;
  department_id: number | null;
  active: boolean;
  /** the window's place on the floor plan and in every list (ascending) */
  sort_order: Generated<number>;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface StaffTable {
  id: Generated<number>;
  hall_id: number;
  department_id: number;
  badge_no: string;
  name: string;
  photo_url: string;
  active: boolean;
  /** the phone number, encrypted like an applicant's (`k1:<iv>:<tag>:<ciphertext>`); null = none given */
  phone_cipher: Generated<string | null>;
  phone_masked: Generated<string>;
  /** 上岗证 (持证上岗): number and the last day it is valid (YYYY-MM-DD) */
  certificate_no: Generated<string>;
  certificate_expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** 离职: the day they left; they stay on record, inactive */
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The 亮牌 photo as the server re-encoded it: the upload itself is never kept */
export interface StaffPhotoTable {
  staff_id: number;
  image: Buffer;
  content_type: string;
  digest: string;
  uploaded_at: Timestamp;
}

/** a department whose cases a window receives */
export interface WindowDepartmentTable {
  window_id: number;
  department_id: number;
}

/** a service item a window receives (from the catalogue's 受理窗口 or the window's own settings) */
export interface WindowServiceItemTable {
  window_id: number;
  service_item_id: number;
}

/** a window a staff member may serve at: position 0 is the home window */
export interface StaffWindowTable {
  staff_id: number;
  window_id: number;
  position: number;
}

export interface WindowPresenceTable {
  id: Generated<number>;
  window_id: number;
  staff_id: number;
  signed_in_at: Timestamp;
  signed_out_at: Timestamp | null;
}

export interface EvaluatorDeviceTable {
  id: Generated<number>;
  window_id: number | null;
  device_code: string;
  token_hash: string | null;
  paired_at: Timestamp | null;
  last_seen_at: Timestamp | null;
  /** sha-256 of the one-time pairing code an administrator hands to the tablet */
  pairing_code_hash: string | null;
  /** the same code encrypted under the data key, so administrators can read it again until it is used or expires */
  pairing_code_cipher: string | null;
  pairing_code_expires_at: Timestamp | null;
  last_heartbeat_at: Timestamp | null;
  /** ratings the tablet holds that the server has not acknowledged yet */
  outbox_depth: Generated<number>;
  app_version: string | null;
}

export interface CaseTable {
  id: Generated<number>;
  case_no: string;
  hall_id: number;
  department_id: number;
  service_item_id: number;
  window_id: number | null;
  staff_id: number | null;
  handling_channel: THandlingChannel;
  case_type: TCaseType;
  promised_days: number;
  applicant_type: TApplicantType;
  applicant_name_masked: string;
  applicant_contact_cipher: string | null;
  applicant_contact_hash: string | null;
  /** 138****1234, for screens; "" where not known */
  applicant_contact_masked: ColumnType<string, string | undefined, string>;
  /** 身份证号 / 统一社会信用代码: `kid:iv:tag:ciphertext`, a keyed hash for lookup, the masked form */
  applicant_id_no_cipher: ColumnType<string | null, string | null | undefined, string | null>;
  applicant_id_no_hash: ColumnType<string | null, string | null | undefined, string | null>;
  applicant_id_no_masked: ColumnType<string, string | undefined, string>;
  status: TCaseStatus;
  received_at: Timestamp;
  completed_at: Timestamp | null;
  /** hall-local date by which a 承诺件 must be completed */
  due_date: ColumnType<string, string, string> | null;
}

export interface RatingTable {
  id: Generated<number>;
  case_id: number;
  /** 1 = first rating, 2 = follow-up (追评) */
  seq: number;
  level: TLevel;
  channel: TChannel;
  is_default: boolean;
  comment: string;
  reason_version: number;
  hall_id: number;
  department_id: number;
  service_item_id: number;
  window_id: number | null;
  staff_id: number | null;
  prompt_id: number | null;
  idempotency_key: string;
  /** the moment the citizen tapped, as the device reported it */
  rated_at: Timestamp;
  /** the server's clock when the rating arrived: authoritative */
  received_at: Timestamp;
}

export interface RatingReasonTable {
  rating_id: number;
  reason_code: string;
}

export interface ReasonCodeVersionTable {
  version: number;
  name: string;
  is_current: boolean;
}

export interface ReasonCodeTable {
  version: number;
  code: string;
  level: TLevel;
  label: string;
}

export type TExclusionReason = "malicious" | "mistaken";

export interface RatingExclusionTable {
  id: Generated<number>;
  rating_id: number;
  reason: TExclusionReason;
  note: string;
  approved_by: number;
  created_at: Timestamp;
}

/** withdrawn: its staff session ended, or staff pressed 撤回推送 / 重新推送 — never a rating */
export type TPromptStatus = "pending" | "rated" | "timed_out" | "cancelled" | "withdrawn";

export interface RatingPromptTable {
  id: Generated<number>;
  case_id: number;
  window_id: number;
  staff_id: number | null;
  /** the staff session (window_presence) it was pushed in; null when nobody was signed in */
  presence_id: ColumnType<number | null, number | null | undefined, number | null>;
  status: TPromptStatus;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  /** when an evaluator put it on screen (评价中) */
  shown_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: TRole;
  hall_id: number;
  department_id: number | null;
  staff_id: number | null;
  active: boolean;
  created_at: Timestamp;
  /** set when someone else chose the password (a new account, a reset): changed at the next sign-in */
  must_change_password: Generated<boolean>;
  last_sign_in_at: Timestamp | null;
  /** 'hall': their hall only; 'county': every hall of their hall's county */
  scope: Generated<TUserScope>;
}

/** 设置密码链接: a one-time link to choose a password, stored as its token's sha-256 only. */
export interface PasswordLinkTable {
  token_hash: string;
  user_id: number;
  created_by_user_id: number | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface SessionTable {
  /** sha-256 of the cookie token: a database leak does not hand out sessions */
  id: string;
  user_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  /** the hall a county user is working in; null: their own */
  acting_hall_id: Generated<number | null>;
}

export interface AuditLogTable {
  /** assigned by the chain append (the head's last id + 1), so a deleted row leaves a gap */
  id: number;
  actor_user_id: number | null;
  /** the actor's role when acting; "system" / "device" for the platform itself */
  actor_role: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string;
  before_json: string | null;
  after_json: string | null;
  created_at: Timestamp;
  prev_hash: string;
  /** sha256(prev_hash + canonical JSON of the record) */
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
}

export interface CalendarDayTable {
  date: ColumnType<string, string, string>;
  kind: TCalendarExceptionKind;
  name: string;
}

/** A year whose holiday schedule is confirmed; years without a row count Monday to Friday for now. */
export interface CalendarYearTable {
  year: number;
  /** "notice" built in from the State Council notice, "form" entered, "file" imported */
  source: string;
  confirmed_by_user_id: number | null;
  confirmed_by_name: string;
  confirmed_at: Timestamp;
}

export interface RatingSignalTable {
  id: Generated<number>;
  hall_id: number;
  kind: TSignalKind;
  rating_id: number | null;
  case_id: number | null;
  window_id: number | null;
  device_id: number | null;
  detail: string;
  created_at: Timestamp;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  /** a refused rating's idempotency key, as the evaluator reported it (null for other signals) */
  report_key: ColumnType<string | null, string | null | undefined, never>;
}

export interface OnlineLookupLockTable {
  case_no: string;
  failures: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

export interface HallServiceDayTable {
  hall_id: number;
  date: ColumnType<string, string, string>;
  note: string;
}

export interface WorkOrderTable {
  id: Generated<number>;
  rating_id: number;
  case_id: number;
  hall_id: number;
  department_id: number;
  window_id: number | null;
  staff_id: number | null;
  state: TWorkOrderState;
  state_before_appeal: TWorkOrderState | null;
  extension: TExtensionState;
  extension_days: number;
  created_at: Timestamp;
  /** hall-local dates: the deadline is the end of that day */
  contact_due: ColumnType<string, string, string>;
  rectify_due: ColumnType<string, string, string>;
  contacted_at: Timestamp | null;
  rectified_at: Timestamp | null;
  replied_at: Timestamp | null;
  closed_at: Timestamp | null;
  reply: string;
  /** 0 none, 1 raised to the department head, 2 raised to the hall manager */
  escalation: number;
  version: number;
}

export interface WorkOrderEventTable {
  id: Generated<number>;
  work_order_id: number;
  action: string;
  actor_user_id: number | null;
  actor_role: string;
  from_state: TWorkOrderState | null;
  to_state: TWorkOrderState;
  note: string;
  detail: string;
  created_at: Timestamp;
}

export interface RoleTable {
  key: TRole;
  label: string;
}

export interface CounterTable {
  name: string;
  value: number;
}

/** Counters shared by the rollup tables and the queue of changes waiting to be folded into them. */
export interface RollupCountersColumns {
  completed: Generated<number>;
  rated: Generated<number>;
  rated_default: Generated<number>;
  promised: Generated<number>;
  promised_on_time: Generated<number>;
  handling_seconds: Generated<number>;
  l1: Generated<number>;
  l2: Generated<number>;
  l3: Generated<number>;
  l4: Generated<number>;
  l5: Generated<number>;
  d1: Generated<number>;
  d2: Generated<number>;
  d3: Generated<number>;
  d4: Generated<number>;
  d5: Generated<number>;
}

type DayColumn = ColumnType<string, string, string>;

export interface RollupChangeTable extends RollupCountersColumns {
  id: Generated<number>;
  hall_id: number;
  day: DayColumn;
  window_id: number;
  staff_id: number;
  department_id: number;
  service_item_id: number;
  channel: number;
}

export interface RollupWindowDayTable extends RollupCountersColumns {
  hall_id: number;
  day: DayColumn;
  window_id: number;
  staff_id: number;
  department_id: number;
}

export interface RollupItemDayTable extends RollupCountersColumns {
  hall_id: number;
  day: DayColumn;
  department_id: number;
  service_item_id: number;
}

export interface RollupChannelDayTable extends RollupCountersColumns {
  hall_id: number;
  day: DayColumn;
  department_id: number;
  channel: number;
}

export type TMonthlyReportStatus = "generating" | "ready" | "failed";

export interface MonthlyReportTable {
  id: Generated<number>;
  hall_id: number;
  /** yyyy-mm, hall-local */
  month: string;
  version: number;
  definitions_version: string;
  status: TMonthlyReportStatus;
  /** 0–100 while generating */
  progress: Generated<number>;
  /** the report as JSON, immutable once ready */
  body: string | null;
  error: Generated<string>;
  /** null when the scheduler generated it */
  created_by: number | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

/** The county monthly report's archive: monthly_report's columns, keyed by the county. */
export interface CountyReportTable extends Omit<MonthlyReportTable, "hall_id"> {
  county_id: number;
}

export interface ProvinceExportConfigTable {
  hall_id: number;
  enabled: boolean;
  endpoint: string;
  /** JSON: the province's codes for channels 6 and 7 */
  channel_map: string;
  level_coding: TLevelCoding;
  data_source: string;
  timeout_ms: number;
  updated_at: Timestamp;
}

export type TProvinceOutboxStatus = "pending" | "accepted" | "rejected";

export interface ProvinceOutboxTable {
  id: Generated<number>;
  hall_id: number;
  kind: TProvinceRecordKind;
  ref_id: number;
  status: Generated<TProvinceOutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: Generated<string>;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  settled_at: Timestamp | null;
}

export interface Database {
  hall: HallTable;
  county: CountyTable;
  department: DepartmentTable;
  service_item: ServiceItemTable;
  service_item_version: ServiceItemVersionTable;
  window: WindowTable;
  staff: StaffTable;
  window_department: WindowDepartmentTable;
  window_service_item: WindowServiceItemTable;
  staff_window: StaffWindowTable;
  staff_photo: StaffPhotoTable;
  window_presence: WindowPresenceTable;
  evaluator_device: EvaluatorDeviceTable;
  case: CaseTable;
  rating: RatingTable;
  rating_reason: RatingReasonTable;
  reason_code_version: ReasonCodeVersionTable;
  reason_code: ReasonCodeTable;
  rating_exclusion: RatingExclusionTable;
  rating_prompt: RatingPromptTable;
  user: UserTable;
  session: SessionTable;
  password_link: PasswordLinkTable;
  audit_log: AuditLogTable;
  audit_chain_head: AuditChainHeadTable;
  calendar_day: CalendarDayTable;
  calendar_year: CalendarYearTable;
  counter: CounterTable;
  role: RoleTable;
  rating_signal: RatingSignalTable;
  online_lookup_lock: OnlineLookupLockTable;
  hall_service_day: HallServiceDayTable;
  hall_logo: HallLogoTable;
  work_order: WorkOrderTable;
  work_order_event: WorkOrderEventTable;
  rollup_change: RollupChangeTable;
  rollup_window_day: RollupWindowDayTable;
  rollup_item_day: RollupItemDayTable;
  rollup_channel_day: RollupChannelDayTable;
  /** the same rows summed per hall-local month; `day` is the month's first day */
  rollup_window_month: RollupWindowDayTable;
  rollup_item_month: RollupItemDayTable;
  rollup_channel_month: RollupChannelDayTable;
  monthly_report: MonthlyReportTable;
  county_report: CountyReportTable;
  province_export_config: ProvinceExportConfigTable;
  province_outbox: ProvinceOutboxTable;
}

export type MonthlyReport = Selectable<MonthlyReportTable>;

export type WorkOrder = Selectable<WorkOrderTable>;
export type NewWorkOrder = Insertable<WorkOrderTable>;

export type Hall = Selectable<HallTable>;
export type Department = Selectable<DepartmentTable>;
export type ServiceItem = Selectable<ServiceItemTable>;
export type Window = Selectable<WindowTable>;
export type Staff = Selectable<StaffTable>;
export type Case = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type Rating = Selectable<RatingTable>;
export type NewRating = Insertable<RatingTable>;
export type RatingPrompt = Selectable<RatingPromptTable>;
export type NewRatingSignal = Insertable<RatingSignalTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
