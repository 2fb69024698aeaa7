import { readdirSync, readFileSync } from "node:fs";

import { expect, test } from "vitest";

import { CITIZEN_ERROR_MESSAGES } from "@hcp/domain/citizen";

/** The sources of a service folder, tests aside. */
function folder(dir: string): string[] {
  return readdirSync(new URL(dir, import.meta.url))
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .map((name) => `${dir}/${name}`);
}

/** The sources behind the procedures /kiosk and /rate call (kiosk.*, rating.submit/reasons, online.*). */
const CITIZEN_SOURCES = [
  "routers/kiosk.ts",
  "routers/online.ts",
  ...folder("services/kiosk"),
  ...folder("services/rating"),
  ...folder("services/online"),
  "services/prompts.ts",
  "services/refused-ratings.ts",
  "services/limiter.ts",
];

test("every refusal a citizen procedure throws has its text in the citizen app's table", () => {
  const thrown = new Set<string>();
  for (const file of CITIZEN_SOURCES) {
    const source = readFileSync(new URL(file, import.meta.url), "utf8");
    for (const match of source.matchAll(/(?:appError|new AppError)\("([A-Z_]+)"/g)) thrown.add(match[1] ?? "");
  }
  expect(thrown.size).toBeGreaterThan(10);
  const missing = [...thrown].filter((code) => !(code in CITIZEN_ERROR_MESSAGES));
  expect(missing).toEqual([]);
});
