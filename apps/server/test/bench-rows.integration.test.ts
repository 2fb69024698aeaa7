/**
 * The ingest benchmark's ratio is only fair if its raw side writes the same rows as the REST
 * route: these tests rate cases through the real route, copy what each rating stored onto raw
 * ratings, and compare the two table by table.
 */
import { randomBytes, randomUUID } from "node:crypto";

import { afterEach, describe, expect, inject, it } from "vitest";

import { WindowBus } from "@hcp/api";
import {
  benchRawRating,
  countStoredRows,
  createBenchData,
  createRawPool,
  insertRawRating,
  readTwinRows,
} from "@hcp/db/bench";
import { useTestDb } from "@hcp/db/testing/test-db";
import { NATIONAL_REASONS } from "@hcp/domain";

import { createServer, type THallServer } from "../src/server";

const reasonOf = (level: number) => NATIONAL_REASONS.find((reason) => reason.level === level)?.code ?? "";

describe("bench:ingest's raw side", () => {
  const db = useTestDb();
  let server: THallServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it("writes, for each rating, copies of the rows the REST rating at the same position stored", async () => {
    const data = await createBenchData(db(), { ratingCases: 16, windows: 1, casesPerWindow: 1 });
    const restCases = data.cases.slice(0, 8);
    const rawCases = data.cases.slice(8);
    // Two bad reviews (work orders) amid good ones; from the 6th rating on the evaluator bursts.
    const levels = [5, 5, 1, 5, 4, 5, 2, 5];
    server = createServer({ db: db(), bus: new WindowBus(), dataKey: randomBytes(32) });
    const baseUrl = await server.listen(0);
    for (const [index, target] of restCases.entries()) {
      const level = levels[index] ?? 5;
      const response = await fetch(`${baseUrl}/api/v1/ratings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${data.hall.deviceTokens[0]}` },
        body: JSON.stringify({
          caseNo: target.caseNo,
          level,
          reasonCodes: [reasonOf(level)],
          idempotencyKey: randomUUID(),
        }),
      });
      expect(response.status).toBe(200);
    }

    const twins = await readTwinRows(db(), restCases);
    expect(twins.map((twin) => twin.workOrder !== null)).toEqual(levels.map((level) => level <= 2));
    expect(twins.every((twin) => twin.signals.some((signal) => signal.kind === "no_prompt"))).toBe(true);
    expect(twins.filter((twin) => twin.signals.some((signal) => signal.kind === "burst"))).toHaveLength(3);

    const pool = createRawPool(inject("databaseUrl"), 2);
    try {
      for (const [index, target] of rawCases.entries()) {
        const level = levels[index] ?? 5;
        await insertRawRating(
          pool,
          benchRawRating(data, target, { level, reasonCode: reasonOf(level) }),
          twins[index] ?? null,
        );
      }
    } finally {
      await pool.end();
    }

    const restRows = await countStoredRows(db(), restCases);
    expect(restRows).toEqual({ rating: 8, rating_reason: 8, rating_signal: 8 + 3, work_order: 2, work_order_event: 2 });
    expect(await countStoredRows(db(), rawCases)).toEqual(restRows);
    // Not only as many rows: the same signals and work orders at the same positions.
    const copies = await readTwinRows(db(), rawCases);
    expect(copies).toEqual(twins);
  });

  it("writes the rating and its reason alone without a twin", async () => {
    const data = await createBenchData(db(), { ratingCases: 1, windows: 1, casesPerWindow: 1 });
    const pool = createRawPool(inject("databaseUrl"), 1);
    try {
      const [target] = data.cases;
      if (!target) throw new Error("no bench case");
      await insertRawRating(pool, benchRawRating(data, target, { level: 1, reasonCode: reasonOf(1) }), null);
    } finally {
      await pool.end();
    }
    expect(await countStoredRows(db(), data.cases)).toEqual({
      rating: 1,
      rating_reason: 1,
      rating_signal: 0,
      work_order: 0,
      work_order_event: 0,
    });
  });
});
