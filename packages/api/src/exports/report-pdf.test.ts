import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

import { AppError } from "../errors";
import { reportPdf } from "./report-pdf";
import { reportSections } from "./report-sections";
import { sampleMonthlyReport } from "./sample-report";

const run = promisify(execFile);
const report = sampleMonthlyReport();
let dir = "";
let pdfPath = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "hcp-report-pdf-"));
  pdfPath = join(dir, "report.pdf");
  await writeFile(pdfPath, await reportPdf(report));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A binary PGM (P5) as its size and grey bytes. */
function parsePgm(data: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a binary PGM");
  const [, width, height] = header.map(Number) as [number, number, number, number];
  return { width, height, pixels: data.subarray(header[0].length) };
}

describe("the monthly report PDF", () => {
  test("prints ink in the title area of the first page", async () => {
    await run("pdftoppm", ["-f", "1", "-l", "1", "-r", "50", "-gray", "-singlefile", pdfPath, join(dir, "page")]);
    const page = parsePgm(await readFile(join(dir, "page.pgm")));
    // The title block sits in the top fifth of the page, below the top margin.
    let dark = 0;
    for (let y = Math.round(page.height * 0.05); y < Math.round(page.height * 0.2); y++) {
      for (let x = 0; x < page.width; x++) if ((page.pixels[y * page.width + x] ?? 255) < 128) dark++;
    }
    expect(dark).toBeGreaterThan(500);
  });

  test("carries the title and every section heading as text (embedded glyphs with a ToUnicode map)", async () => {
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", pdfPath, "-"]);
    const text = stdout.replace(/[ \u3000]+/g, "");
    expect(text).toContain("临溪县政务服务中心");
    expect(text).toContain("2023年6月满意度月报");
    for (const section of reportSections(report)) expect(text).toContain(section.heading);
    expect(text).toContain("附录：指标口径");
    expect(text).toContain(`口径版本${report.definitionsVersion}`);
    expect(text).toContain("红榜第1");
    expect(text).toContain("末位（连续");
    expect(text).toMatch(/第1页\/共\d+页/);
  });

  test("embeds WenQuanYi Micro Hei", async () => {
    const { stdout } = await run("pdffonts", [pdfPath]);
    const line = stdout.split("\n").find((row) => row.includes("WenQuanYiMicroHei"));
    expect(line).toBeDefined();
    // columns: name type encoding emb sub uni …
    expect(line?.split(/\s+/).slice(-5, -2)).toEqual(["yes", "yes", "yes"]);
  });

  test("refuses in Chinese when the configured font is missing", async () => {
    vi.stubEnv("HCP_REPORT_FONT", join(dir, "no-such-font.ttf"));
    try {
      const error = await reportPdf(report).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).appCode).toBe("REPORT_FONT_MISSING");
      expect((error as AppError).message).toContain("中文字体");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
