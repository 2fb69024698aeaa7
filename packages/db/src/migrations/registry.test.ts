import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "vitest";

import { migrations } from "./index";

test("every migration file is registered, in name order, and nothing else is", () => {
  const files = readdirSync(dirname(fileURLToPath(import.meta.url)))
    .filter((file) => /^\d{4}_\d{2}_\d{2}_\d{4}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ""))
    .sort();
  expect(Object.keys(migrations)).toEqual(files);
  for (const migration of Object.values(migrations)) expect(typeof migration.up).toBe("function");
});
