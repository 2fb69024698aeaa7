import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterEach, describe, expect, test, vi } from "vitest";

import { hashToken } from "@hcp/api";
import { listCountyHalls, listHallWindowDevices } from "@hcp/db";
import { useTestDb } from "@hcp/db/testing/test-db";

import { ensureDemoCounty, printDemoGuide } from "../src/demo";

/**
 * What `npm start` does with the demo: the demo county loaded once, every window's tablet of its
 * 21 centres handed a token, the accounts and links kept in the credentials file (mode 600) and
 * printed by the start guide — the county's leadership and administrator and a township's manager too.
 */
const getDb = useTestDb();
const directories: string[] = [];

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("the demo county at the start", () => {
  test(
    "loads once, hands every window of the 21 centres a token, and prints the county's accounts and every evaluator link",
    { timeout: 240_000 },
    async () => {
      const db = getDb();
      const directory = mkdtempSync(join(tmpdir(), "hcp-demo-"));
      directories.push(directory);
      const file = join(directory, "demo-credentials.json");
      const credentials = await ensureDemoCounty(db, file, () => undefined, randomBytes(32), 0.01);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(credentials);

      const roles = new Map(credentials.accounts.map((account) => [account.username, account.role]));
      expect(roles.get("county_admin")).toBe("admin");
      expect(roles.get("county_lead")).toBe("auditor");
      expect(roles.get("xz01.manager")).toBe("hall_manager");

      const county = await db.selectFrom("county").select("id").executeTakeFirstOrThrow();
      const halls = await listCountyHalls(db, county.id);
      expect(halls).toHaveLength(21);
      const devices = (await Promise.all(halls.map((hall) => listHallWindowDevices(db, hall.id)))).flat();
      expect(credentials.devices).toHaveLength(devices.length);
      const tokenHashes = await db.selectFrom("evaluator_device").select(["device_code", "token_hash"]).execute();
      const hashOf = new Map(tokenHashes.map((device) => [device.device_code, device.token_hash]));
      for (const device of credentials.devices) expect(hashOf.get(device.deviceCode)).toBe(hashToken(device.token));
      const townshipNames = halls.slice(1).map((hall) => hall.name);
      expect([...new Set(credentials.devices.map((device) => device.hallName))]).toEqual([
        "县政务服务中心",
        ...townshipNames,
      ]);

      const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
      printDemoGuide("http://127.0.0.1:8080", credentials);
      const guide = write.mock.calls.map(([chunk]) => String(chunk)).join("");
      for (const account of credentials.accounts) expect(guide).toContain(account.username);
      for (const name of townshipNames) expect(guide).toContain(name);
      for (const device of credentials.devices) expect(guide).toContain(`/kiosk?token=${device.token}`);

      // A second start finds the county and its file: nothing is loaded or issued again.
      const again = await ensureDemoCounty(db, file, () => undefined, randomBytes(32), 0.01);
      expect(again).toEqual(credentials);
      expect(await db.selectFrom("county").select("id").execute()).toHaveLength(1);
    },
  );
});
