/* eslint-disable no-restricted-properties -- the one module that reads process.env */
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
  NODE_ENV: z.string().optional(),

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
 * The settings, validated now: a wrong value stops the process with every problem named. Read on
 * each call (cheap), so a value set while running — by a test — is seen.
 */
export function readEnv(): TEnv {
  const parsed = ZEnv.safeParse(process.env);
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
