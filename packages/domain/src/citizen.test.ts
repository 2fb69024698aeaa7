import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { checkOnlineLookup, checkPairingCode, checkRatingChoice } from "./citizen";
import type { TLevel } from "./levels";
import { ZOnlineLookup, ZPairingCode, ZRatingChoice } from "./schemas";

/** The relative modules a source file imports at run time (type-only imports are erased). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), "utf8");
  return [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map(
    (match) => match[1] ?? "",
  );
}

/** The first message per field, as a form shows it. */
function zodProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0]);
    problems[field] ??= issue.message;
  }
  return problems;
}

describe("@hcp/domain/citizen", () => {
  it("reaches no module that imports zod, so the citizen app's first load carries no schema library", () => {
    const seen = new Set<string>();
    const queue = ["./citizen.ts"];
    while (queue.length > 0) {
      const file = queue.pop() ?? "";
      if (seen.has(file)) continue;
      seen.add(file);
      for (const target of runtimeImports(file)) {
        expect(target.startsWith("."), `${file} imports ${target}`).toBe(true);
        queue.push(`${target}.ts`);
      }
    }
    expect([...seen]).toContain("./citizen-forms.ts");
  });

  it.each([" 123456 ", "12345", "1234567", "12a456", ""])("checks the pairing code %j as ZPairingCode does", (code) => {
    const plain = checkPairingCode({ code });
    const parsed = ZPairingCode.safeParse({ code });
    expect(plain.ok).toBe(parsed.success);
    if (plain.ok && parsed.success) expect(plain.value).toEqual(parsed.data);
    if (!plain.ok && !parsed.success) expect(plain.problems).toEqual(zodProblems(parsed.error.issues));
  });

  it.each([
    { caseNo: " 2026112500001 ", phoneLast4: " 1234 " },
    { caseNo: "", phoneLast4: "1234" },
    { caseNo: "   ", phoneLast4: "12" },
    { caseNo: "9".repeat(41), phoneLast4: "abcd" },
    { caseNo: "X", phoneLast4: "" },
  ])("checks the lookup %j as ZOnlineLookup does", (input) => {
    const plain = checkOnlineLookup(input);
    const parsed = ZOnlineLookup.safeParse(input);
    expect(plain.ok).toBe(parsed.success);
    if (plain.ok && parsed.success) expect(plain.value).toEqual(parsed.data);
    if (!plain.ok && !parsed.success) expect(plain.problems).toEqual(zodProblems(parsed.error.issues));
  });

  it.each<{ level: TLevel; reasonCodes: string[]; comment: string }>([
    { level: 5, reasonCodes: [], comment: "" },
    { level: 4, reasonCodes: ["401"], comment: "  很好  " },
    { level: 2, reasonCodes: [], comment: "" },
    { level: 1, reasonCodes: [], comment: "   " },
    { level: 1, reasonCodes: [], comment: "态度差" },
    { level: 2, reasonCodes: ["201"], comment: "" },
    { level: 1, reasonCodes: ["101", "102", "103", "104", "105", "106", "107", "108", "109"], comment: "" },
    { level: 3, reasonCodes: ["1x1"], comment: "" },
    { level: 2, reasonCodes: [], comment: "长".repeat(501) },
  ])("checks the rating choice %j as ZRatingChoice does", (input) => {
    const plain = checkRatingChoice(input);
    const parsed = ZRatingChoice.safeParse(input);
    expect(plain.ok).toBe(parsed.success);
    if (plain.ok && parsed.success) expect(plain.value).toEqual(parsed.data);
    if (!plain.ok && !parsed.success) expect(plain.problems).toEqual(zodProblems(parsed.error.issues));
  });
});
