import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { parseDataKeys, singleKeyring, type TDataKeyring } from "./services/contact";

export interface TDataKeySettings {
  HCP_DATA_KEYS?: string | undefined;
  HCP_DATA_KEY_ID?: string | undefined;
  HCP_DATA_KEY?: string | undefined;
}

/**
 * The personal-data keyring: from the environment (HCP_DATA_KEYS with HCP_DATA_KEY_ID, or the one
 * key of HCP_DATA_KEY), required in production; otherwise one key generated on first start and
 * kept in the data directory (mode 600), so a demo restarts with the data it encrypted.
 */
export function loadDataKeyring(env: TDataKeySettings, dataDir: string, production: boolean): TDataKeyring {
  const configured = parseDataKeys(env);
  if (configured) return configured;
  if (production) throw new Error("HCP_DATA_KEYS (or HCP_DATA_KEY) is required when NODE_ENV=production");
  const file = join(dataDir, "data-key.hex");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return singleKeyring(Buffer.from(readFileSync(file, "utf8").trim(), "hex"));
}
