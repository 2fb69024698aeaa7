import { z } from "zod";

/** The only reader of process.env: every setting the server takes, validated once at start. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  /** mysql://user:pass@host:port/database — when unset, the server runs its own MariaDB */
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
  /** where the embedded database and local secrets live */
  HCP_DATA_DIR: z.string().optional(),
  /** set when served over HTTPS so cookies are marked Secure */
  HCP_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.string().optional(),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(): TEnv {
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`invalid environment: ${problems.join("; ")}`);
  }
  return parsed.data;
}
