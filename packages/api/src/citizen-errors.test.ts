import { readFileSync } from "node:fs";

import { expect, test } from "vitest";

import { CITIZEN_ERROR_MESSAGES } from "@hcp/domain/citizen";

/** The sources behind the procedures /kiosk and /rate call (kiosk.*, rating.submit/reasons, online.*). */
const CITIZEN_SOURCES = [
  "routers/kiosk.ts",
  "routers/online.ts",
  "services/rating.ts",
  "services/online.ts",
  "services/prompts.ts",
  "services/refused-ratings.ts",
  "services/limiter.ts",
];

/** Codes in those files that only staff procedures throw (online.receipt is the staff's). */
const STAFF_ONLY_CODES = new Set(["CASE_NOT_YOURS"]);

test("every refusal a citizen procedure throws has its text in the citizen app's table", () => {
  const thrown = new Set<string>();
  for (const file of CITIZEN_SOURCES) {
    const source = readFileSync(new URL(file, import.meta.url), "utf8");
    for (const match of source.matchAll(/(?:appError|new AppError)\("([A-Z_]+)"/g)) thrown.add(match[1] ?? "");
  }
  expect(thrown.size).toBeGreaterThan(10);
  const missing = [...thrown].filter((code) => !STAFF_ONLY_CODES.has(code) && !(code in CITIZEN_ERROR_MESSAGES));
  expect(missing).toEqual([]);
});
