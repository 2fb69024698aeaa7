/**
 * Backups of a hall's database and their restore (`npm run backup`, `npm run restore -- DIR`).
 *
 * A backup is a directory `hcp-<UTC time>` holding `dump.sql.gz` (mariadb-dump
 * --single-transaction: one consistent snapshot, writers never blocked) and `manifest.json`: when,
 * from which server, the schema version (the last migration), the rows of every table as the dump
 * holds them (counted from the dump stream itself, so a hall taking ratings meanwhile cannot make
 * them disagree), the dump's sha256 and, when the server keeps binary logs, the binlog position of
 * the snapshot — where a point-in-time recovery replays from.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";

import { sql } from "kysely";
import { z } from "zod";

import { createDb, type Db } from "./client";
import { findBinary } from "./embedded";
import { migrationProvider } from "./migrations";
import { migrateToLatest, syncReferenceData } from "./migrator";
import { verifyAuditChain, type TAuditVerification } from "./repositories/audit";
import { checkRollups, foldRollupChanges, type TRollupDifference } from "./repositories/rollup";

const MANIFEST_FILE = "manifest.json";
export const DUMP_FILE = "dump.sql.gz";
const BACKUP_NAME = /^hcp-\d{8}T\d{6}(?:\d{3})?Z$/;

const ZManifest = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.string(),
  server: z.string(),
  schemaVersion: z.string(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  dump: z.object({
    file: z.string(),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** the snapshot's place in the binary log; null when the server keeps none (log_bin off) */
  binlog: z.object({ file: z.string(), position: z.number().int().nonnegative() }).nullable(),
  seconds: z.number().nonnegative(),
});
type TBackupManifest = z.infer<typeof ZManifest>;

/** A backup that cannot be restored, or a target that must not be written: said in one line. */
class BackupError extends Error {}

// ── connecting the MariaDB client programs ──

function databaseOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!name) throw new BackupError("the database URL names no database (mysql://user:password@host:3306/database)");
  return name;
}

function serverUrlOf(url: string): string {
  const server = new URL(url);
  server.pathname = "/";
  return server.toString();
}

/** An option-file value in double quotes: the password never appears on a command line (ps). */
function optionValue(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/**
 * Runs one of the MariaDB client programs against the URL's server with the credentials in a
 * private option file (mode 600, removed afterwards).
 */
async function withClientOptions<T>(url: string, run: (optionsFile: string) => Promise<T>): Promise<T> {
  const parsed = new URL(url);
  const dir = await mkdtemp(join(tmpdir(), "hcp-client-"));
  const file = join(dir, "client.cnf");
  const lines = [
    "[client]",
    `host=${optionValue(parsed.hostname.replace(/^\[|\]$/g, ""))}`,
    `port=${parsed.port || "3306"}`,
    `user=${optionValue(decodeURIComponent(parsed.username))}`,
    ...(parsed.password ? [`password=${optionValue(decodeURIComponent(parsed.password))}`] : []),
    "default-character-set=utf8mb4",
  ];
  await writeFile(file, `${lines.join("\n")}\n`, { mode: 0o600 });
  try {
    return await run(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function clientBinary(...names: string[]): string {
  for (const name of names) {
    const found = findBinary(name);
    if (found) return found;
  }
  throw new BackupError(`${names[0]} is not installed: install the mariadb-client package`);
}

/** A client program's exit: its last stderr lines become the error (they carry no data). */
function exitOf(child: ReturnType<typeof spawn>, program: string): Promise<void> {
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `${program} failed (exit ${String(code)}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`,
          ),
        );
    });
  });
}

// ── counting the rows a dump holds ──

const INSERT_HEAD = /^INSERT INTO `([^`]+)` VALUES ?$/;
const CREATE_HEAD = /^CREATE TABLE `([^`]+)` $/;
const HEADS = ["INSERT INTO `", "CREATE TABLE `"];

/**
 * Counts the rows of each table in a mariadb-dump stream as it passes. A row is a parenthesis
 * opened at depth 0 outside a quoted string within an `INSERT INTO `t` VALUES …;` statement, which
 * ends at a `;` outside a string. mariadb-dump 10.11 writes each row on a line of its own, older
 * ones all on the statement's line; both count the same. Values are literals only (numbers, NULL,
 * 0x… with --hex-blob, 'strings' with backslash escapes), so nothing else opens a parenthesis.
 */
export class DumpRowCounter extends Transform {
  /** every table the dump creates, with the rows it inserts */
  readonly rows = new Map<string, number>();
  /** the dump's first bytes, where mariadb-dump writes the binlog place */
  head = "";
  private line = "";
  private skipLine = false;
  private table: string | null = null;
  private inQuote = false;
  private escaped = false;
  private depth = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.head.length < 8192) this.head += chunk.subarray(0, 8192).toString("latin1");
    for (const byte of chunk) {
      if (this.table !== null) this.inStatement(this.table, byte);
      else this.betweenStatements(byte);
    }
    callback(null, chunk);
  }

  private inStatement(table: string, byte: number): void {
    if (this.escaped) this.escaped = false;
    else if (this.inQuote) {
      if (byte === 0x5c) this.escaped = true;
      else if (byte === 0x27) this.inQuote = false;
    } else if (byte === 0x27) this.inQuote = true;
    else if (byte === 0x28) {
      if (this.depth === 0) this.rows.set(table, (this.rows.get(table) ?? 0) + 1);
      this.depth += 1;
    } else if (byte === 0x29) this.depth -= 1;
    else if (byte === 0x3b && this.depth === 0) {
      this.table = null;
      this.skipLine = true;
    }
  }

  private startStatement(table: string): void {
    this.table = table;
    this.depth = 0;
    this.inQuote = false;
    this.escaped = false;
  }

  private betweenStatements(byte: number): void {
    if (byte === 0x0a) {
      // mariadb-dump 10.11: `INSERT INTO `t` VALUES` alone on its line, the rows on the next ones
      const table = this.skipLine ? undefined : INSERT_HEAD.exec(this.line)?.[1];
      this.line = "";
      this.skipLine = false;
      if (table) this.startStatement(table);
      return;
    }
    if (this.skipLine) return;
    if (byte === 0x28) {
      this.skipLine = true;
      const created = CREATE_HEAD.exec(this.line)?.[1];
      if (created && !this.rows.has(created)) this.rows.set(created, 0);
      const table = INSERT_HEAD.exec(this.line)?.[1];
      if (table) {
        this.startStatement(table);
        this.inStatement(table, byte);
      }
      return;
    }
    this.line += String.fromCharCode(byte);
    const start = this.line.slice(0, 14);
    if (this.line.length > 200 || !HEADS.some((head) => head.startsWith(start) || start.startsWith(head)))
      this.skipLine = true;
  }
}

// ── back up ──

/**
 * Takes the DEFINER out of the dump's triggers and procedures (the rollups' and the provincial
 * outbox's): restored, they belong to whoever restores — as the migrations would have made them —
 * and a restore by another account than the backup's needs no SET USER privilege. Only the lines
 * that create them are touched, never a data line (those start with `(` or `INSERT`).
 */
export class WithoutDefiners extends Transform {
  private pending: Buffer = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const last = data.lastIndexOf(0x0a);
    this.pending = Buffer.from(data.subarray(last + 1));
    if (last === -1) return callback();
    const complete = data.subarray(0, last + 1);
    if (!complete.includes("DEFINER=")) return callback(null, complete);
    const text = complete
      .toString("utf8")
      .replace(/^(\/\*!50003 CREATE\*\/ )\/\*!50017 DEFINER=`[^`]*`@`[^`]*`\s*\*\/ /gm, "$1")
      .replace(/^CREATE DEFINER=`[^`]*`@`[^`]*` /gm, "CREATE ");
    callback(null, Buffer.from(text, "utf8"));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pending);
  }
}

async function tablesOf(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = database() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return result.rows.map((row) => row.name);
}

async function schemaVersionOf(db: Db): Promise<string> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
  const last = result.rows[0]?.name;
  if (!last) throw new BackupError("the database has no migrations recorded: not a platform database");
  return last;
}

/** MariaDB writes the snapshot's binlog place as a comment with --master-data=2. */
const BINLOG_PLACE = /CHANGE MASTER TO MASTER_LOG_FILE='([^']+)', MASTER_LOG_POS=(\d+)/;

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

function backupName(at: Date): string {
  return `hcp-${at.toISOString().replaceAll("-", "").replaceAll(":", "").replace(".", "")}`;
}

export interface TBackupResult {
  dir: string;
  manifest: TBackupManifest;
  /** older backups removed by the retention */
  removed: string[];
}

/**
 * Writes a backup of the URL's database into a new directory under `backupDir`, then keeps the
 * newest `keep` backups there. A half-written backup is left under a `.partial-` name and never
 * counted or restored.
 */
export async function createBackup(options: {
  url: string;
  backupDir: string;
  keep: number;
  now?: Date;
}): Promise<TBackupResult> {
  const started = performance.now();
  const createdAt = options.now ?? new Date();
  const database = databaseOf(options.url);
  const db = createDb({ url: options.url, connectionLimit: 1 });
  let schemaVersion: string;
  let server: string;
  let logBin: boolean;
  try {
    schemaVersion = await schemaVersionOf(db);
    const variables = await sql<{ version: string; logBin: number }>`
      select version() as version, @@log_bin as logBin`.execute(db);
    server = variables.rows[0]?.version ?? "unknown";
    logBin = Number(variables.rows[0]?.logBin ?? 0) === 1;
  } finally {
    await db.destroy();
  }

  await mkdir(options.backupDir, { recursive: true });
  const name = backupName(createdAt);
  const finalDir = join(options.backupDir, name);
  if (existsSync(finalDir)) throw new BackupError(`${finalDir} exists already`);
  const partialDir = join(options.backupDir, `.partial-${name}`);
  await rm(partialDir, { recursive: true, force: true });
  await mkdir(partialDir, { mode: 0o700 });

  const counter = new DumpRowCounter();
  let binlog: TBackupManifest["binlog"] = null;
  await withClientOptions(options.url, async (optionsFile) => {
    const program = clientBinary("mariadb-dump", "mysqldump");
    const child = spawn(
      program,
      [
        `--defaults-extra-file=${optionsFile}`,
        "--single-transaction",
        "--quick",
        "--hex-blob",
        "--triggers",
        "--routines",
        "--no-tablespaces",
        "--skip-dump-date",
        ...(logBin ? ["--master-data=2"] : []),
        database,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const exited = exitOf(child, "mariadb-dump");
    if (!child.stdout) throw new BackupError("mariadb-dump gave no output stream");
    await Promise.all([
      pipeline(
        child.stdout,
        new WithoutDefiners(),
        counter,
        createGzip({ level: 6 }),
        createWriteStream(join(partialDir, DUMP_FILE), { mode: 0o600 }),
      ),
      exited,
    ]);
    const place = BINLOG_PLACE.exec(counter.head);
    if (logBin && place?.[1] && place[2]) binlog = { file: place[1], position: Number(place[2]) };
  });

  const dumpPath = join(partialDir, DUMP_FILE);
  const manifest: TBackupManifest = {
    format: 1,
    createdAt: createdAt.toISOString(),
    database,
    server,
    schemaVersion,
    tables: {},
    dump: { file: DUMP_FILE, bytes: (await stat(dumpPath)).size, sha256: await sha256Of(dumpPath) },
    binlog,
    seconds: 0,
  };
  // Every table the dump creates, an empty one with 0 (a CREATE TABLE and no INSERT).
  for (const [table, rows] of [...counter.rows].sort(([a], [b]) => a.localeCompare(b))) manifest.tables[table] = rows;
  manifest.seconds = Math.round(performance.now() - started) / 1000;
  await writeFile(join(partialDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  await rename(partialDir, finalDir);
  const removed = await pruneBackups(options.backupDir, options.keep);
  return { dir: finalDir, manifest, removed };
}

/** Keeps the newest `keep` complete backups in `backupDir`; returns the directories removed. */
async function pruneBackups(backupDir: string, keep: number): Promise<string[]> {
  const entries = await readdir(backupDir, { withFileTypes: true });
  const complete = entries
    .filter(
      (entry) =>
        entry.isDirectory() && BACKUP_NAME.test(entry.name) && existsSync(join(backupDir, entry.name, MANIFEST_FILE)),
    )
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const removed = complete.slice(Math.max(keep, 1)).map((name) => join(backupDir, name));
  for (const dir of removed) await rm(dir, { recursive: true, force: true });
  return removed;
}

// ── restore ──

async function readManifest(dir: string): Promise<TBackupManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), "utf8");
  } catch {
    throw new BackupError(`${dir} is not a backup: it has no ${MANIFEST_FILE}`);
  }
  const parsed = ZManifest.safeParse(JSON.parse(text));
  if (!parsed.success) throw new BackupError(`${join(dir, MANIFEST_FILE)} is not a backup manifest of this platform`);
  return parsed.data;
}

export interface TRestoreResult {
  manifest: TBackupManifest;
  /** tables whose restored rows differ from the manifest's */
  countDifferences: { table: string; manifest: number; restored: number }[];
  /** migrations the restore ran on top of the backup's schema */
  migrationsRun: number;
  rollupDifferences: TRollupDifference[];
  audit: TAuditVerification;
  /** loading the dump alone, and the whole restore with its checks */
  loadSeconds: number;
  seconds: number;
}

/**
 * Restores a backup into the URL's database, which must be empty (it is created when missing):
 * checks the dump's checksum first, loads it, compares every table's rows with the manifest, runs
 * the migrations this release has beyond the backup, then checks the rollups against the raw rows
 * and the audit trail's hash chain. Refuses — writing nothing — a tampered or foreign backup, one
 * from a newer release, and a database that has tables.
 */
export async function restoreBackup(options: { url: string; dir: string }): Promise<TRestoreResult> {
  const started = performance.now();
  const manifest = await readManifest(options.dir);
  const dumpPath = join(options.dir, manifest.dump.file);
  if (!existsSync(dumpPath)) throw new BackupError(`${dumpPath} is missing`);
  const sha256 = await sha256Of(dumpPath);
  if (sha256 !== manifest.dump.sha256)
    throw new BackupError(
      `${dumpPath} does not match its manifest (sha256 ${sha256}, manifest ${manifest.dump.sha256}): the file is damaged or was changed`,
    );
  const known = Object.keys(await migrationProvider.getMigrations()).sort();
  if (!known.includes(manifest.schemaVersion))
    throw new BackupError(
      `the backup's schema (${manifest.schemaVersion}) is unknown to this release: restore it with the release that wrote it or a newer one`,
    );

  const database = databaseOf(options.url);
  const server = createDb({ url: serverUrlOf(options.url), connectionLimit: 1 });
  try {
    await sql`create database if not exists ${sql.id(database)} character set utf8mb4 collate utf8mb4_unicode_ci`.execute(
      server,
    );
  } finally {
    await server.destroy();
  }
  const db = createDb({ url: options.url, connectionLimit: 2 });
  try {
    const existing = await tablesOf(db);
    if (existing.length > 0)
      throw new BackupError(
        `the database ${database} is not empty (${existing.length} tables): restore into a new, empty database`,
      );

    await withClientOptions(options.url, async (optionsFile) => {
      const program = clientBinary("mariadb", "mysql");
      const child = spawn(program, [`--defaults-extra-file=${optionsFile}`, "--batch", database], {
        stdio: ["pipe", "ignore", "pipe"],
      });
      const exited = exitOf(child, "mariadb");
      if (!child.stdin) throw new BackupError("mariadb gave no input stream");
      await Promise.all([pipeline(createReadStream(dumpPath), createGunzip(), child.stdin), exited]);
    });

    const loadSeconds = Math.round(performance.now() - started) / 1000;
    const countDifferences: TRestoreResult["countDifferences"] = [];
    for (const [table, rows] of Object.entries(manifest.tables)) {
      const result = await sql<{ rows: number | string }>`select count(*) as \`rows\` from ${sql.id(table)}`.execute(
        db,
      );
      const restored = Number(result.rows[0]?.rows ?? 0);
      if (restored !== rows) countDifferences.push({ table, manifest: rows, restored });
    }
    const migrationsRun = known.length - (known.indexOf(manifest.schemaVersion) + 1);
    await migrateToLatest(db);
    await syncReferenceData(db);
    await foldRollupChanges(db);
    const rollupDifferences = await checkRollups(db);
    const audit = await verifyAuditChain(db);
    return {
      manifest,
      countDifferences,
      migrationsRun,
      rollupDifferences,
      audit,
      loadSeconds,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  } finally {
    await db.destroy();
  }
}
