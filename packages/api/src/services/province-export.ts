import {
  deferOutboxRow,
  findProvinceConfig,
  listDueOutboxRows,
  provinceClosureSource,
  provinceExclusionSource,
  provinceRatingSource,
  releaseAdvisoryLock,
  settleOutboxRow,
  tryAdvisoryLock,
  type Db,
  type TProvinceConfigRow,
  type TProvinceOutboxRow,
} from "@hcp/db";
import {
  interfaceTime,
  nationalEvaluationRecord,
  retryDelayMs,
  ZChannelMap,
  type TLevelCoding,
  type TNationalRecord,
  type TProvinceExportConfig,
} from "@hcp/domain";

/**
 * Sends queued records to each hall's provincial endpoint. Protocol (README, 省级对接): one JSON
 * record per POST with an `Idempotency-Key` header naming the change, so a retry after a lost
 * answer cannot count twice on the province's side. 2xx with `{"code": 0}` (or an empty body) =
 * accepted; 2xx with another code or any 4xx but 408/429 = rejected, parked with the reason;
 * 408, 429, 5xx, a timeout or a network error = tried again later with a growing delay.
 */
const LOCK_NAME = "hcp_province_export";
const BATCH = 100;

export interface TProvinceSendSummary {
  accepted: number;
  rejected: number;
  deferred: number;
}

export function exportConfigOf(row: TProvinceConfigRow): TProvinceExportConfig {
  let channelMap: TProvinceExportConfig["channelMap"] = {};
  try {
    const parsed = ZChannelMap.safeParse(JSON.parse(row.channelMap || "{}"));
    if (parsed.success) channelMap = parsed.data;
  } catch {
    // Written only through the validated settings procedure; an unreadable map means "no remapping".
  }
  return {
    enabled: row.enabled,
    endpoint: row.endpoint,
    channelMap,
    levelCoding: (row.levelCoding === "gbt39046" ? "gbt39046" : "national") satisfies TLevelCoding,
    dataSource: row.dataSource,
    timeoutMs: row.timeoutMs,
  };
}

/** The national record for one queued change, or null when its source rows are gone. */
async function recordFor(
  db: Db,
  row: TProvinceOutboxRow,
  config: TProvinceExportConfig,
): Promise<TNationalRecord | null> {
  if (row.kind === "rating" || row.kind === "follow_up") {
    const source = await provinceRatingSource(db, row.ref_id);
    return source ? nationalEvaluationRecord(source, config) : null;
  }
  if (row.kind === "exclusion") {
    const source = await provinceExclusionSource(db, row.ref_id);
    if (!source) return null;
    return {
      recordType: "exclusion",
      projectNo: source.caseNo,
      assessNumber: source.seq,
      poorFlag: "invalid",
      reason: source.reason,
      reviewTime: interfaceTime(source.createdAt),
      areaCode: source.regionCode,
      dataSource: config.dataSource,
    };
  }
  if (row.kind === "work_order_closed") {
    const source = await provinceClosureSource(db, row.ref_id);
    if (!source?.closedAt) return null;
    return {
      recordType: "rectification",
      projectNo: source.caseNo,
      assessNumber: source.seq,
      reformStatus: source.rectifiedAt ? "rectified" : "cannot_rectify",
      reformContent: source.reply,
      replyTime: source.repliedAt ? interfaceTime(source.repliedAt) : "",
      closeTime: interfaceTime(source.closedAt),
      areaCode: source.regionCode,
      dataSource: config.dataSource,
    };
  }
  return null;
}

type TOutcome = { status: "accepted" } | { status: "rejected"; reason: string } | { status: "retry"; reason: string };

async function post(
  endpoint: string,
  record: TNationalRecord,
  idempotencyKey: string,
  timeoutMs: number,
): Promise<TOutcome> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "idempotency-key": idempotencyKey },
      body: JSON.stringify(record),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return {
      status: "retry",
      reason: timedOut
        ? `省级平台 ${timeoutMs} ms 内未响应`
        : `无法连接省级平台：${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const text = await response.text().catch(() => "");
  if (response.status === 408 || response.status === 429 || response.status >= 500) {
    return { status: "retry", reason: `省级平台返回 HTTP ${response.status}` };
  }
  let body: { code?: unknown; message?: unknown } = {};
  try {
    body = text.trim() === "" ? {} : (JSON.parse(text) as typeof body);
  } catch {
    body = { message: text.slice(0, 200) };
  }
  const message = typeof body.message === "string" ? body.message : "";
  if (!response.ok) return { status: "rejected", reason: `HTTP ${response.status}${message ? `：${message}` : ""}` };
  if (body.code === undefined || body.code === 0 || body.code === "0") return { status: "accepted" };
  return { status: "rejected", reason: `代码 ${JSON.stringify(body.code)}${message ? `：${message}` : ""}` };
}

async function sendRow(
  db: Db,
  row: TProvinceOutboxRow,
  config: TProvinceExportConfig,
  now: Date,
): Promise<keyof TProvinceSendSummary> {
  const record = await recordFor(db, row, config);
  if (!record) {
    await settleOutboxRow(db, row.id, { status: "rejected", error: "记录已不存在，未上报" }, now);
    return "rejected";
  }
  const outcome = await post(config.endpoint, record, `hcp-${row.kind}-${row.ref_id}`, config.timeoutMs);
  if (outcome.status === "accepted") {
    await settleOutboxRow(db, row.id, { status: "accepted" }, now);
    return "accepted";
  }
  if (outcome.status === "rejected") {
    await settleOutboxRow(db, row.id, { status: "rejected", error: outcome.reason }, now);
    return "rejected";
  }
  await deferOutboxRow(db, row.id, outcome.reason, new Date(now.getTime() + retryDelayMs(row.attempts + 1)), now);
  return "deferred";
}

/**
 * One round of sending: every due record of halls with the export switched on. Several server
 * processes may call it; a MariaDB advisory lock lets one send at a time, so no record is posted
 * twice at once.
 */
export async function sendProvinceRecords(db: Db, now: Date): Promise<TProvinceSendSummary> {
  const summary: TProvinceSendSummary = { accepted: 0, rejected: 0, deferred: 0 };
  await db.connection().execute(async (conn) => {
    if (!(await tryAdvisoryLock(conn, LOCK_NAME))) return;
    try {
      const configs = new Map<number, TProvinceExportConfig | null>();
      for (;;) {
        const rows = await listDueOutboxRows(db, now, BATCH);
        for (const row of rows) {
          if (!configs.has(row.hall_id)) {
            const stored = await findProvinceConfig(db, row.hall_id);
            configs.set(row.hall_id, stored ? exportConfigOf(stored) : null);
          }
          const config = configs.get(row.hall_id);
          if (!config?.enabled || config.endpoint === "") continue;
          summary[await sendRow(db, row, config, now)] += 1;
        }
        if (rows.length < BATCH) break;
      }
    } finally {
      await releaseAdvisoryLock(conn, LOCK_NAME);
    }
  });
  return summary;
}
