import { describe, expect, test } from "vitest";

import { fill, LOCALES } from "../../lib/strings";

describe("evaluator strings", () => {
  test("placeholders are filled by name, so a locale may reorder them", () => {
    expect(fill("离线 · {count} 条评价待上传", { count: 2 })).toBe("离线 · 2 条评价待上传");
    expect(fill("{b} then {a}", { a: 1, b: 2 })).toBe("2 then 1");
    expect(fill("{missing}", {})).toBe("{missing}");
  });

  test("every locale has every voice clip as a file under audio/", () => {
    for (const locale of Object.values(LOCALES)) {
      for (const clip of Object.values(locale.voice)) {
        expect(clip.file).toMatch(/^audio\/[\w-]+\/[\w-]+\.wav$/);
        expect(clip.text).not.toBe("");
      }
    }
  });
});
