import { performance } from "node:perf_hooks";

import { createDb, type Db } from "@hcp/db";

export interface TStatementTime {
  /** the statement's SQL, whitespace squeezed, cut to a table cell */
  sql: string;
  ms: number;
}

export interface TTrace {
  wallMs: number;
  statements: TStatementTime[];
}

const SQL_CELL = 110;

/**
 * Runs `work` once over a pool that records every statement's duration (Kysely's query log), after
 * one untraced warm-up: where a read's time goes, statement by statement. Statements that run
 * concurrently overlap, so their sum can exceed the wall time.
 */
export async function traceStatements(url: string, work: (db: Db) => Promise<unknown>): Promise<TTrace> {
  const statements: TStatementTime[] = [];
  let recording = false;
  const db = createDb({
    url,
    connectionLimit: 20,
    log: (event) => {
      if (!recording || event.level !== "query") return;
      statements.push({
        sql: event.query.sql.replace(/\s+/g, " ").trim().slice(0, SQL_CELL),
        ms: event.queryDurationMillis,
      });
    },
  });
  try {
    await work(db);
    recording = true;
    const started = performance.now();
    await work(db);
    return { wallMs: performance.now() - started, statements };
  } finally {
    await db.destroy();
  }
}
