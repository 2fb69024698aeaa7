import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { expect, test } from "vitest";

import { AUDIT_ACTIONS, auditActionLabel, WORK_ORDER_ACTIONS } from "@hcp/domain";

const SOURCE = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * What the template actions the code writes become: one entry per value its placeholder takes.
 * A new template action fails the test until it is listed here and named.
 */
const TEMPLATES: Record<string, readonly string[]> = {
  "workOrder.${act.action}": Object.keys(WORK_ORDER_ACTIONS).map((step) => `workOrder.${step}`),
  "case.integration.${plan.kind}": ["case.integration.create", "case.integration.update"],
};

/** Every audit action written under src: `action: "…"` in a change, or the action argument of a helper. */
function writtenActions(): { actions: Set<string>; unknownTemplates: string[] } {
  const actions = new Set<string>();
  const unknownTemplates: string[] = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, "utf8");
    const literals = [
      ...text.matchAll(/\baction:\s*(["`])([^"`]+)\1/g),
      ...text.matchAll(/\baudit\(\s*ctx,\s*\w+,\s*(["`])([^"`]+)\1/g),
    ].map((match) => ({ quote: match[1], value: match[2] ?? "" }));
    // Work-order events ("open", "escalate") are not audit actions: those always name their object.
    for (const { quote, value } of literals.filter((literal) => literal.value.includes("."))) {
      if (quote === "`" && value.includes("${")) {
        const expanded = TEMPLATES[value];
        if (expanded) for (const action of expanded) actions.add(action);
        else unknownTemplates.push(`${value} (${file})`);
      } else actions.add(value);
    }
  }
  return { actions, unknownTemplates };
}

test("every audit action the code writes has a Chinese name on the 审计日志", () => {
  const { actions, unknownTemplates } = writtenActions();
  expect(unknownTemplates).toEqual([]);
  // The scan finds the actions it must (a guard against a regex that silently matches nothing).
  for (const known of [
    "auth.signIn",
    "rating.invite",
    "device.unpair",
    "workOrder.upholdAppeal",
    "case.integration.complete",
  ])
    expect(actions).toContain(known);
  const unnamed = [...actions].filter((action) => !(action in AUDIT_ACTIONS)).sort();
  expect(unnamed).toEqual([]);
  for (const action of actions) expect(auditActionLabel(action)).toMatch(/\p{Script=Han}/u);
});
