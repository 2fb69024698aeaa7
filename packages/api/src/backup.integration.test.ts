import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { sql } from "kysely";
import { afterAll, describe, expect, inject, test } from "vitest";

import { createDb, foldRollupChanges, insertAudit, verifyAuditChain, type Db } from "@hcp/db";
import { createBackup, DUMP_FILE, restoreBackup } from "@hcp/db/backup";
import { useTestDb } from "@hcp/db/testing/test-db";

// The loaded hall is the demo hall, which is set up through this package's procedures.
import { seedDemoHall } from "./demo-hall";

const getDb = useTestDb();
const backupRoot = mkdtempSync(join(tmpdir(), "hcp-backup-test-"));
const restoredDatabases: string[] = [];

afterAll(async () => {
  rmSync(backupRoot, { recursive: true, force: true });
  const server = createDb({ url: serverUrl(), connectionLimit: 1 });
  for (const name of restoredDatabases) await sql`drop database if exists ${sql.id(name)}`.execute(server);
  await server.destroy();
});

function serverUrl(): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = "/";
  return url.toString();
}

/** A database name on the test server nobody has used: the restore's target. */
function freshDatabaseUrl(): string {
  const name = `hcp_restore_${randomBytes(5).toString("hex")}`;
  restoredDatabases.push(name);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

async function tableNames(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = database() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return result.rows.map((row) => row.name);
}

/** Each table's rows and content checksum: equal on both sides means the same data. */
async function fingerprint(db: Db): Promise<Record<string, { rows: number; checksum: string }>> {
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const table of await tableNames(db)) {
    if (table === "kysely_migration_lock") continue;
    const count = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(table)}`.execute(db);
    const checksum = await sql<{ Checksum: number | string | null }>`checksum table ${sql.id(table)}`.execute(db);
    result[table] = { rows: Number(count.rows[0]?.n), checksum: String(checksum.rows[0]?.Checksum) };
  }
  return result;
}

/** The rollups' and the provincial outbox's triggers and procedures: a restore without them stops counting. */
async function programs(db: Db): Promise<string[]> {
  const triggers = await sql<{ name: string }>`
    select trigger_name as name from information_schema.triggers where trigger_schema = database()`.execute(db);
  const routines = await sql<{ name: string }>`
    select routine_name as name from information_schema.routines where routine_schema = database()`.execute(db);
  return [
    ...triggers.rows.map((row) => `trigger ${row.name}`),
    ...routines.rows.map((row) => `routine ${row.name}`),
  ].sort();
}

describe("backup and restore", () => {
  test("a loaded hall restored into a fresh database has every row, the same rollups and an intact audit chain", async () => {
    const db = getDb();
    const hall = await seedDemoHall(db, { scale: 0.01 });
    for (let i = 0; i < 5; i += 1)
      await insertAudit(db, {
        actorUserId: null,
        action: "hall.update",
        entity: "hall",
        entityId: hall.hallId,
        before: { name: `旧名 ${i}` },
        after: { name: `新名 '),(' ${i}\n` },
        now: new Date(),
      });
    await foldRollupChanges(db);
    const source = await fingerprint(db);
    expect(source.case?.rows).toBeGreaterThan(1000);
    expect(source.rating?.rows).toBeGreaterThan(100);
    expect(source.work_order?.rows).toBeGreaterThan(0);
    expect(source.audit_log?.rows).toBeGreaterThanOrEqual(5);
    const sourceAudit = await verifyAuditChain(db);
    expect(sourceAudit.ok).toBe(true);

    const backupDir = join(backupRoot, "drill");
    const backup = await createBackup({ url: inject("databaseUrl"), backupDir, keep: 3 });
    // The manifest's counts, read from the dump stream, are the database's.
    for (const [table, { rows }] of Object.entries(source))
      expect([table, backup.manifest.tables[table]]).toEqual([table, rows]);
    expect(backup.manifest.schemaVersion).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_/);
    expect(backup.manifest.dump.sha256).toMatch(/^[0-9a-f]{64}$/);

    const targetUrl = freshDatabaseUrl();
    const restored = await restoreBackup({ url: targetUrl, dir: backup.dir });
    expect(restored.countDifferences).toEqual([]);
    expect(restored.migrationsRun).toBe(0);
    expect(restored.rollupDifferences).toEqual([]);
    expect(restored.audit).toEqual(sourceAudit);
    const target = createDb({ url: targetUrl, connectionLimit: 1 });
    try {
      expect(await fingerprint(target)).toEqual(source);
      expect(await programs(target)).toEqual(await programs(db));
      expect((await programs(target)).length).toBeGreaterThan(5);
    } finally {
      await target.destroy();
    }

    // A database with tables is refused, and nothing in it is touched.
    await expect(restoreBackup({ url: targetUrl, dir: backup.dir })).rejects.toThrow(/is not empty/);
    await expect(restoreBackup({ url: inject("databaseUrl"), dir: backup.dir })).rejects.toThrow(/is not empty/);
    expect(await fingerprint(db)).toEqual(source);

    // A dump changed after the backup is refused before anything is written.
    appendFileSync(join(backup.dir, DUMP_FILE), "x");
    const untouchedUrl = freshDatabaseUrl();
    await expect(restoreBackup({ url: untouchedUrl, dir: backup.dir })).rejects.toThrow(/does not match its manifest/);
    const server = createDb({ url: serverUrl(), connectionLimit: 1 });
    try {
      const created = await sql<{ n: number | string }>`
        select count(*) as n from information_schema.schemata
        where schema_name = ${new URL(untouchedUrl).pathname.slice(1)}`.execute(server);
      expect(Number(created.rows[0]?.n)).toBe(0);
    } finally {
      await server.destroy();
    }
  }, 240_000);

  test("keeps the newest backups up to the retention and removes the older ones", async () => {
    const backupDir = join(backupRoot, "retention");
    const made: string[] = [];
    for (const minute of [1, 2, 3]) {
      const result = await createBackup({
        url: inject("databaseUrl"),
        backupDir,
        keep: 2,
        now: new Date(Date.UTC(2026, 11, 8, 1, minute)),
      });
      made.push(result.dir);
    }
    expect(readdirSync(backupDir).sort()).toEqual(["hcp-20261208T010200000Z", "hcp-20261208T010300000Z"]);
    expect(existsSync(made[0] ?? "")).toBe(false);
  });

  test("refuses a backup of a schema this release does not know (a newer release's)", async () => {
    const backup = await createBackup({ url: inject("databaseUrl"), backupDir: join(backupRoot, "newer"), keep: 1 });
    const manifestFile = join(backup.dir, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, schemaVersion: "2099_01_01_0000_from_the_future" }));
    await expect(restoreBackup({ url: freshDatabaseUrl(), dir: backup.dir })).rejects.toThrow(
      /unknown to this release/,
    );
  });

  test("refuses a directory that is not a backup", async () => {
    await expect(restoreBackup({ url: freshDatabaseUrl(), dir: backupRoot })).rejects.toThrow(/is not a backup/);
  });
});
