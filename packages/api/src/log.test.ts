import { expect, test } from "vitest";

import { createLogger } from "./log";

function collected(): { lines: () => Record<string, unknown>[]; raw: string[]; log: ReturnType<typeof createLogger> } {
  const raw: string[] = [];
  return {
    raw,
    log: createLogger((line) => raw.push(line)),
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

test("one JSON line per entry: ISO time, the level's word, the message and its fields", () => {
  const { log, lines } = collected();
  log.child({ component: "scheduler" }).info({ job: "rollup fold", durationMs: 3.5 }, "job run");
  expect(lines()).toEqual([
    expect.objectContaining({
      level: "info",
      component: "scheduler",
      job: "rollup fold",
      durationMs: 3.5,
      msg: "job run",
    }),
  ]);
  expect(String(lines()[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test("an error is logged by its class, code and frames: never its message, which may quote a citizen's data", () => {
  const { log, raw, lines } = collected();
  // As a driver's error quotes the row it refused (the case-import job's failures did, with their stack).
  const error = Object.assign(new Error("Duplicate entry '张三-13912345678' for key 'uniq'"), { code: "ER_DUP_ENTRY" });
  log.error({ component: "case-import", importId: 7, err: error }, "case import failed");
  expect(lines()[0]).toMatchObject({
    level: "error",
    importId: 7,
    err: {
      type: "Error",
      code: "ER_DUP_ENTRY",
      frames: expect.arrayContaining([expect.stringMatching(/^at /)]) as unknown,
    },
  });
  expect(raw.join("\n")).not.toMatch(/张三|13912345678|Duplicate entry/);

  // Wrapped (as a migration wraps the driver's error): the cause by class and code, still no message.
  raw.length = 0;
  log.error({ err: new Error("database migration failed: 2026_01_01", { cause: error }) }, "start failed");
  expect(lines()[0]).toMatchObject({ err: { type: "Error", cause: { type: "Error", code: "ER_DUP_ENTRY" } } });
  expect(raw.join("\n")).not.toMatch(/张三|13912345678/);
});

test("fields that name a person or a credential are censored wherever a caller passes them", () => {
  const { log, raw } = collected();
  log.info(
    { applicantPhone: "13912345678", case: { applicantName: "李四", phone: "13800000000" }, token: "s3cr3t" },
    "x",
  );
  expect(raw.join("\n")).not.toMatch(/13912345678|李四|13800000000|s3cr3t/);
  expect(raw.join("\n")).toContain("[redacted]");
});
