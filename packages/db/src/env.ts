/* eslint-disable no-restricted-properties -- the one module that reads process.env */
import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

import { z } from "zod";

/**
 * Every setting the platform's processes take from the environment — the server, the maintenance
 * commands, the benchmarks and the browser tests — in one schema, validated where it is read. It
 * lives in @hcp/db, the lowest package every Node process imports; `apps/server/src/env.ts`
 * re-exports it. A new variable is added here (and to turbo.json's globalEnv when it is HCP_*).
 */
const ZPositiveInt = z.coerce.number().int().positive();

export const ZEnv = z.object({
  // ── the server ──
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  /** set when served over HTTPS so cookies are marked Secure */
  HCP_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  /** "production": the settings in PRODUCTION_REQUIRED must be given, the demo hall is refused */
  NODE_ENV: z.string().optional(),
  /** where the platform is reached, e.g. https://hcp.example.gov.cn: the OpenAPI document's server */
  HCP_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s]+\/?$/, { error: "HCP_PUBLIC_URL must be an http(s) address without a path" })
    .optional(),
  /** proxies whose X-Forwarded-For names the client: addresses, CIDRs, `loopback`…, comma-separated */
  HCP_TRUST_PROXY: z.string().optional(),
  /** a file of NAME=value lines (systemd's EnvironmentFile format) read at start; the environment wins */
  HCP_ENV_FILE: z.string().optional(),
  /** a bearer token that may read /metrics from elsewhere than this machine (without: loopback only) */
  HCP_METRICS_TOKEN: z.string().min(16, { error: "HCP_METRICS_TOKEN must be at least 16 characters" }).optional(),

  // ── a start from nothing (no demo hall) ──
  /** "0": `npm start` starts without the demo hall, like `npm start -- --empty` */
  HCP_DEMO: z.enum(["0", "1"]).optional(),
  /** the first administrator's username when a start without the demo finds none (default admin) */
  HCP_ADMIN_USERNAME: z.string().trim().min(1).default("admin"),

  // ── data: the server and the maintenance commands ──
  /** mysql://user:pass@host:port/database — when unset, the process runs its own MariaDB */
  DATABASE_URL: z.string().url().optional(),
  /** 64 hex characters: the one key for applicant personal data at rest (key id k1) */
  HCP_DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { error: "HCP_DATA_KEY must be 64 hex characters (32 bytes)" })
    .optional(),
  /** several keys for rotation, "k1:<64 hex>,k2:<64 hex>"; the first also keys lookup hashes */
  HCP_DATA_KEYS: z.string().optional(),
  /** the key id new ciphers are written under, one of HCP_DATA_KEYS */
  HCP_DATA_KEY_ID: z.string().optional(),
  /** where the embedded database and local secrets live (default: `.data` in the repository) */
  HCP_DATA_DIR: z.string().optional(),
  /** where `npm run backup` writes its backups (default: `backups` in HCP_DATA_DIR, `.data/backups`) */
  HCP_BACKUP_DIR: z.string().optional(),
  /** how many backups `npm run backup` keeps in HCP_BACKUP_DIR; older ones are removed */
  HCP_BACKUP_KEEP: ZPositiveInt.default(7),
  /** the CJK font of the monthly report's PDF: a .ttf/.otf, or a .ttc with `#PostScriptName` */
  HCP_REPORT_FONT: z.string().optional(),
  /** searched for mariadbd before the usual sbin directories */
  PATH: z.string().default(""),

  // ── benchmarks (apps/server/bench) ──
  BENCH_REQUESTS: ZPositiveInt.default(5000),
  BENCH_ROUNDS: ZPositiveInt.default(3),
  BENCH_WARMUP: ZPositiveInt.default(5000),
  BENCH_EVALUATORS: ZPositiveInt.default(200),
  /** node flags for the measured server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" */
  BENCH_SERVER_NODE_ARGS: z.string().default(""),
  /** the measured server's NODE_ENV; NODE_ENV's when unset */
  BENCH_SERVER_NODE_ENV: z.string().optional(),

  // ── browser tests (tests/e2e) ──
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
});

export type TEnv = z.infer<typeof ZEnv>;

/**
 * What a production start (NODE_ENV=production) cannot do without, one line each: it would
 * otherwise start a database of its own, make up a data key, or publish a wrong API address.
 */
export function missingForProduction(env: TEnv): string[] {
  const missing: string[] = [];
  if (!env.DATABASE_URL) missing.push("DATABASE_URL is not set: mysql://user:password@host:3306/database");
  if (!env.HCP_DATA_KEY && !env.HCP_DATA_KEYS)
    missing.push("HCP_DATA_KEY is not set (or HCP_DATA_KEYS): 64 hex characters, `openssl rand -hex 32`");
  if (!env.HCP_PUBLIC_URL)
    missing.push(
      "HCP_PUBLIC_URL is not set: the address citizens and business systems use, e.g. https://hcp.example.gov.cn",
    );
  return missing;
}

let envFileLoaded = false;

/**
 * HCP_ENV_FILE's settings (NAME=value lines, as systemd's EnvironmentFile), once per process: a
 * setting the environment gives a value keeps it; one unset or empty takes the file's.
 */
function loadEnvFile(): void {
  const file = process.env.HCP_ENV_FILE;
  if (envFileLoaded || !file) return;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`HCP_ENV_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "unreadable"})`, {
      cause: error,
    });
  }
  for (const [name, value] of Object.entries(parseEnv(text))) {
    const current = process.env[name];
    if (current === undefined || current === "") process.env[name] = value;
  }
  envFileLoaded = true;
}

/** An empty value (`DATABASE_URL=` in an env file, a blank line of .env.example kept) is no value. */
function withoutEmpty(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ""),
  );
}

/**
 * The settings, validated now: a wrong value stops the process with every problem named. Read on
 * each call (cheap), so a value set while running — by a test — is seen.
 */
export function readEnv(): TEnv {
  loadEnvFile();
  const parsed = ZEnv.safeParse(withoutEmpty(process.env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** The environment a child process starts with: this process's, with `overrides` on top. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
