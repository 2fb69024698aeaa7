import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

import { hashToken } from "@hcp/api";
import { isDemoHallSeeded, seedDemoCounty, type TDemoAccount } from "@hcp/api/demo";
import { listHallWindowDevices, setDeviceToken, type Db } from "@hcp/db";

interface TDemoCredentials {
  accounts: TDemoAccount[];
  /** `hallName`: the centre the window is in (absent in files written before the demo county) */
  devices: { deviceCode: string; windowCode: string; windowName: string; token: string; hallName?: string }[];
}

/**
 * The demo county's secrets live only in a local file (mode 600) beside the embedded database:
 * the seed generates them, the start command prints them, nothing is hard-coded.
 */
export async function ensureDemoCounty(
  db: Db,
  credentialsFile: string,
  log: (line: string) => void,
  dataKey: Buffer,
  /** the fraction of the simulated history to load (tests load a little; `npm start` all of it) */
  scale = 1,
): Promise<TDemoCredentials> {
  if ((await isDemoHallSeeded(db)) && existsSync(credentialsFile)) {
    // Our own file (mode 600), written by the seed below from this very type; no one else writes it.
    return JSON.parse(readFileSync(credentialsFile, "utf8")) as TDemoCredentials;
  }
  if (await isDemoHallSeeded(db)) {
    throw new Error(
      `the demo hall exists but its credentials file ${credentialsFile} is missing (or loading it stopped part-way): delete the data directory to start over`,
    );
  }
  log(
    "loading the demo county: the county centre (48 departments, 1,444 service items, the year 2023 and the days up to now) and its 20 township centres …",
  );
  const result = await seedDemoCounty(db, { log, now: new Date(), dataKey, scale });
  const townships = result.townships;
  const townshipSum = (pick: (township: (typeof townships)[number]) => number) =>
    townships.reduce((sum, township) => sum + pick(township), 0);
  log(
    `demo county loaded in ${result.seconds.toFixed(1)} s. County centre: ${result.departments} departments, ${result.serviceItems} items, ` +
      `${result.windows} windows, ${result.staff} staff; 2023: ${result.cases.toLocaleString("en")} cases, ` +
      `${result.ratings.toLocaleString("en")} ratings; recent days: ${result.recentCases.toLocaleString("en")} cases, ` +
      `${result.recentRatings.toLocaleString("en")} ratings and ${result.defaultRatings.toLocaleString("en")} default ratings; ${result.prompts.toLocaleString("en")} evaluator prompts, ` +
      `${result.signals.toLocaleString("en")} misuse signals. ${townships.length} township centres: ${townshipSum((t) => t.windows)} windows, ` +
      `${townshipSum((t) => t.staff)} staff; 2023: ${townshipSum((t) => t.cases).toLocaleString("en")} cases, ` +
      `${townshipSum((t) => t.ratings).toLocaleString("en")} ratings; recent days: ${townshipSum((t) => t.recentCases).toLocaleString("en")} cases; ` +
      `default rating on in ${townships
        .filter((t) => t.defaultRating)
        .map((t) => t.name)
        .join("、")}`,
  );
  const issued: TDemoCredentials["devices"] = [];
  const now = new Date();
  const halls = [
    { id: result.hallId, name: "县政务服务中心" },
    ...townships.map((township) => ({ id: township.hallId, name: township.name })),
  ];
  for (const hall of halls) {
    for (const device of await listHallWindowDevices(db, hall.id)) {
      const token = randomBytes(24).toString("base64url");
      await setDeviceToken(db, device.id, hashToken(token), now);
      issued.push({
        deviceCode: device.deviceCode,
        windowCode: device.windowCode,
        windowName: device.windowName,
        token,
        hallName: hall.name,
      });
    }
  }
  const credentials = { accounts: result.accounts, devices: issued };
  writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  chmodSync(credentialsFile, 0o600);
  return credentials;
}

export function printDemoGuide(baseUrl: string, credentials: TDemoCredentials): void {
  const lines = [
    "",
    "好差评平台 — demo county is running (示范县: the county centre and 20 township centres)",
    `  console (staff and managers)   ${baseUrl}/console/`,
    `  online rating                  ${baseUrl}/rate`,
    `  REST API / OpenAPI             ${baseUrl}/api/v1/openapi.json`,
    `  health                         ${baseUrl}/healthz`,
    "",
    "Demo accounts (also in the credentials file):",
    ...credentials.accounts.map(
      (account) =>
        `  ${account.username.padEnd(12)} ${account.password.padEnd(26)} ${account.displayName} ${account.note}`,
    ),
    "",
    "Window evaluators (open one per window; the link pairs the tablet once):",
    ...credentials.devices.flatMap((device, index) => [
      ...(device.hallName && device.hallName !== credentials.devices[index - 1]?.hallName
        ? [`  ${device.hallName}`]
        : []),
      `  ${device.windowCode}  ${baseUrl}/kiosk?token=${device.token}   ${device.windowName}`,
    ]),
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * The first administrator of a platform started from nothing, printed once: the password is a
 * one-time password (only its hash is stored) and must be changed at the first sign-in.
 */
export function printFirstAdministrator(baseUrl: string, administrator: { username: string; password: string }): void {
  const lines = [
    "",
    "好差评平台 — started without the demo hall: the first administrator was created",
    `  console             ${baseUrl}/console/`,
    `  username            ${administrator.username}`,
    `  one-time password   ${administrator.password}`,
    "  It is shown this once and must be changed at the first sign-in; then set up the hall on the console.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
