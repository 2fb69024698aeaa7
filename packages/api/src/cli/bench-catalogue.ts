/**
 * Catalogue import benchmark (a script, not a test): the demo hall's 1,444 service items imported
 * as the province's export through the same procedures the console calls — catalogue.previewImport
 * (the dry run) and catalogue.applyImport (one transaction) — into the demo's departments and
 * windows on a fresh database, then again unchanged, with every 承诺件's promise time changed, and
 * as XLSX. Prints one line per step and the benchmark line; the aim is under 5 s for a full import.
 *
 *   npm run bench:catalogue
 *
 * The database: DATABASE_URL's server (any database name in it is ignored), else a throwaway
 * MariaDB in a temporary directory at default durability. Exits 1 when a step fails.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

import ExcelJS from "exceljs";

import { createDb, prepareDatabase } from "@hcp/db";
import { CATALOGUE_BENCH_HEADER, createCatalogueBenchHall, startDatabase } from "@hcp/db/bench";

import { WindowBus } from "../bus";
import { createContext } from "../context";
import { appRouter } from "../root";
import { createCallerFactory } from "../trpc";

const AIM_SECONDS = 5;

function csvOf(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return `\uFEFF${[CATALOGUE_BENCH_HEADER, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

async function xlsxOf(rows: readonly (readonly string[])[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("事项目录");
  sheet.addRow([...CATALOGUE_BENCH_HEADER]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
}

async function main(): Promise<number> {
  const database = await startDatabase(() => undefined);
  const db = createDb({ url: database.url, connectionLimit: 10 });
  try {
    await prepareDatabase(db);
    const bench = await createCatalogueBenchHall(db);
    const ctx = await createContext(
      { db, bus: new WindowBus(), dataKey: randomBytes(32) },
      { sessionToken: bench.sessionToken, deviceToken: null, ip: "127.0.0.1", setCookie: () => undefined },
    );
    const caller = createCallerFactory(appRouter)(ctx);
    const lines: { step: string; previewSeconds: number; applySeconds: number; result: string }[] = [];

    const importFile = async (
      step: string,
      file: { fileName: string; content: string; encoding: "base64" | "text" },
    ) => {
      const started = performance.now();
      const preview = await caller.catalogue.previewImport(file);
      const previewed = performance.now();
      const applied = await caller.catalogue.applyImport({ file, planHash: preview.planHash, validRowsOnly: false });
      const done = performance.now();
      const line = {
        step,
        previewSeconds: (previewed - started) / 1000,
        applySeconds: (done - previewed) / 1000,
        result: `新增 ${String(applied.added)}，修改 ${String(applied.changed)}，未变 ${String(applied.unchanged)}，停用 ${String(applied.retired)}，有误 ${String(preview.refused.length)}`,
      };
      lines.push(line);
      console.log(
        `${step.padEnd(34)} preview ${line.previewSeconds.toFixed(2)} s  apply ${line.applySeconds.toFixed(2)} s  ${line.result}`,
      );
      return applied;
    };

    console.log(`catalogue import: ${String(bench.rows.length)} items of the demo hall, database ${database.name}`);
    const first = await importFile("CSV, empty catalogue", {
      fileName: "事项目录.csv",
      content: csvOf(bench.rows),
      encoding: "text",
    });
    if (first.added !== bench.rows.length) throw new Error(`expected ${String(bench.rows.length)} items added`);
    await importFile("CSV again, nothing changed", {
      fileName: "事项目录.csv",
      content: csvOf(bench.rows),
      encoding: "text",
    });
    const longer = bench.rows.map((row) =>
      row[3] === "承诺件" ? row.map((cell, index) => (index === 4 ? String(Number(cell) + 1) : cell)) : row,
    );
    await importFile("CSV, every 承诺件 +1 day", {
      fileName: "事项目录.csv",
      content: csvOf(longer),
      encoding: "text",
    });
    await importFile("XLSX, nothing changed", {
      fileName: "事项目录.xlsx",
      content: await xlsxOf(longer),
      encoding: "base64",
    });

    const full = lines[0];
    const total = full ? full.previewSeconds + full.applySeconds : Number.NaN;
    console.log(
      `benchmark: catalogue import of ${String(bench.rows.length)} items (dry run + apply) ${total.toFixed(2)} s — aim under ${String(AIM_SECONDS)} s: ${total < AIM_SECONDS ? "met" : "MISSED"}`,
    );
    return 0;
  } finally {
    await db.destroy();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
