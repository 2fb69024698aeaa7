// Sums the Vitest JSON reports of one test run into the line CI reads: "N passed, N failed".
// A suite that should have run but left no report, or failed outside any test (a file that would
// not load), counts as one failure. The run fails when anything failed or no test ran at all.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, checksFailed, ...expected] = process.argv.slice(2);
let passed = 0;
// Lint, type-check or build steps that failed before the suites count as one failure each.
let failed = Number(checksFailed) || 0;
if (failed > 0) console.log(`  ${"checks".padEnd(20)} ${failed} failed (lint, types or build)`);
for (const suite of expected) {
  const file = join(dir, `${suite}.json`);
  if (!existsSync(file)) {
    console.log(`  ${suite.padEnd(20)} did not run`);
    failed++;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const suitePassed = report.numPassedTests ?? 0;
  let suiteFailed = report.numFailedTests ?? 0;
  if (report.success === false && suiteFailed === 0) suiteFailed = Math.max(report.numFailedTestSuites ?? 0, 1);
  console.log(`  ${suite.padEnd(20)} ${suitePassed} passed, ${suiteFailed} failed`);
  passed += suitePassed;
  failed += suiteFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
