import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { expect, test } from "vitest";

import { WindowBus } from "@hcp/api";
import { createDatabaseIfMissing, createDb, prepareDatabase } from "@hcp/db";
import { startEmbeddedMariadb } from "@hcp/db/embedded";
import { createHallFixture, insertFixtureCase } from "@hcp/db/testing";

import { createServer } from "../src/server";

/**
 * MariaDB killed (SIGKILL) under the evaluators' rating load, and started again by its supervisor:
 * the server keeps running, answers 503 with Retry-After meanwhile, serves again without a restart,
 * and every rating an evaluator's outbox held is stored exactly once.
 */
const RATINGS = 60;
/** How many evaluators send at once; each resubmits its rating until it is acknowledged. */
const SENDERS = 4;
/** A citizen's tap every so often, queued in the outbox whatever the network does. */
const TAP_EVERY_MS = 60;
/** How long the killed MariaDB stays down before its supervisor starts it again. */
const DOWN_MS = 3_000;

interface TOutboxItem {
  caseNo: string;
  /** 好评 levels: a 差评 would need its reasons */
  level: 3 | 4 | 5;
  idempotencyKey: string;
  ratingId: number | null;
  ackedAt: number | null;
  /** a final refusal (4xx): the outbox drops the rating — none is expected here */
  refused: boolean;
}

test("MariaDB killed under rating load: 503 with Retry-After meanwhile, then every held rating stored exactly once", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "hcp-outage-"));
  const events: { at: number; line: string }[] = [];
  // Durable as in production: a killed server keeps what it acknowledged.
  const mariadb = await startEmbeddedMariadb({
    dataDir,
    restartWaitMs: DOWN_MS,
    log: (line) => events.push({ at: Date.now(), line }),
  });
  const admin = createDb({ url: mariadb.url, connectionLimit: 1 });
  await createDatabaseIfMissing(admin, "hcp");
  await admin.destroy();
  const db = createDb({ url: `${mariadb.url}/hcp`, connectionLimit: 10 });
  const server = createServer({ db, bus: new WindowBus(), dataKey: randomBytes(32) });
  try {
    await prepareDatabase(db);
    const hall = await createHallFixture(db);
    const outbox: TOutboxItem[] = [];
    const items: TOutboxItem[] = [];
    for (let i = 0; i < RATINGS; i++) {
      const caseNo = `OUTAGE-${String(i).padStart(3, "0")}`;
      await insertFixtureCase(db, hall, { caseNo, completedAt: new Date(Date.now() - 60_000) });
      items.push({
        caseNo,
        level: (3 + (i % 3)) as TOutboxItem["level"],
        idempotencyKey: randomUUID(),
        ratingId: null,
        ackedAt: null,
        refused: false,
      });
    }
    const url = await server.listen(0);
    const cookie = `hcp_device=${hall.deviceTokens[0]}`;

    const refusals: { status: number; retryAfter: string | null; body: unknown }[] = [];
    const readiness: number[] = [];
    /** One evaluator's outbox sender: the oldest held rating first, again and again until acknowledged. */
    const sender = async () => {
      while (items.some((item) => item.ackedAt === null && !item.refused)) {
        const item = outbox.shift();
        if (!item) {
          await sleep(10);
          continue;
        }
        // No answer at all (a cut connection) is kept like a 5xx.
        const response = await fetch(`${url}/trpc/rating.submit`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ caseNo: item.caseNo, level: item.level, idempotencyKey: item.idempotencyKey }),
        }).catch(() => null);
        if (response?.status === 200) {
          const body = (await response.json()) as { result: { data: { ratingId: number } } };
          item.ratingId = body.result.data.ratingId;
          item.ackedAt = Date.now();
          continue;
        }
        if (response) {
          refusals.push({
            status: response.status,
            retryAfter: response.headers.get("retry-after"),
            body: await response.json(),
          });
        }
        // Kept, as the kiosk's outbox keeps anything but a final refusal, and tried again shortly.
        if (response && response.status < 500) item.refused = true;
        else outbox.push(item);
        await sleep(100);
      }
    };
    const taps = (async () => {
      for (const item of items) {
        outbox.push(item);
        await sleep(TAP_EVERY_MS);
      }
    })();
    const senders = Array.from({ length: SENDERS }, () => sender());

    // A quarter acknowledged: MariaDB dies.
    await expect
      .poll(() => items.filter((item) => item.ackedAt !== null).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(RATINGS / 4);
    const pid = Number(readFileSync(join(dataDir, "mariadbd.pid"), "utf8"));
    const killedAt = Date.now();
    process.kill(pid, "SIGKILL");
    // The load balancer's view meanwhile: not ready, the process live.
    await expect
      .poll(
        async () => {
          const status = (await fetch(`${url}/readyz`)).status;
          readiness.push(status);
          return status;
        },
        { timeout: DOWN_MS, interval: 100 },
      )
      .toBe(503);
    expect((await fetch(`${url}/livez`)).status).toBe(200);

    await taps;
    await Promise.all(senders);
    const back = events.find((event) => event.at > killedAt && event.line.includes("listening again"));
    expect(back).toBeDefined();
    const backAt = back?.at ?? 0;
    const heldWhenBack = items.filter((item) => item.ackedAt === null || item.ackedAt > backAt).length;
    const firstAfter = Math.min(
      ...items.flatMap((item) => (item.ackedAt && item.ackedAt > backAt ? [item.ackedAt] : [])),
    );
    await expect.poll(async () => (await fetch(`${url}/readyz`)).status, { timeout: 10_000 }).toBe(200);

    // Meanwhile: 503, Retry-After, SERVICE_UNAVAILABLE in Chinese — never a 500.
    expect(refusals.length).toBeGreaterThan(0);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        status: 503,
        retryAfter: "2",
        body: { error: { message: "服务正在重启，请稍后再试", data: { appCode: "SERVICE_UNAVAILABLE" } } },
      });
    }
    // Every rating acknowledged, each stored once under its key, the acknowledged row the stored one.
    const rows = await db
      .selectFrom("rating")
      .innerJoin("case", "case.id", "rating.case_id")
      .select(["rating.id", "rating.idempotency_key", "case.case_no"])
      .execute();
    expect(rows).toHaveLength(RATINGS);
    expect(new Set(rows.map((row) => row.case_no)).size).toBe(RATINGS);
    const stored = new Map(rows.map((row) => [row.idempotency_key, row]));
    for (const item of items) {
      expect(stored.get(item.idempotencyKey)).toMatchObject({ id: item.ratingId, case_no: item.caseNo });
    }
    // The outboxes held ratings across the outage and delivered them after it.
    expect(heldWhenBack).toBeGreaterThan(0);
    // The figures the README quotes (the senders try again every 100 ms).
    console.info(
      `MariaDB down ${backAt - killedAt} ms (killed → accepting connections again); recovery: accepting ` +
        `connections → first rating stored ${firstAfter - backAt} ms (killed → first rating stored ` +
        `${firstAfter - killedAt} ms); ${heldWhenBack} held ratings delivered after the return, ` +
        `${refusals.length} answers 503 meanwhile`,
    );
  } finally {
    await server.close();
    await db.destroy();
    await mariadb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
