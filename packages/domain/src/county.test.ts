import { describe, expect, it } from "vitest";

import { areaLevel, caseNumberPrefix, hallAreaCodeProblem, isCountyAreaCode } from "./county";

describe("行政区划代码 of the county's halls", () => {
  it("reads the level from the trailing zeros", () => {
    expect(areaLevel("441581000000")).toBe("county");
    expect(areaLevel("441581101000")).toBe("township");
    expect(areaLevel("441581101201")).toBe("village");
    expect(areaLevel("441500000000")).toBeUndefined();
    expect(areaLevel("441581000201")).toBeUndefined();
    expect(areaLevel("44158110100")).toBeUndefined();
    expect(areaLevel("44158110100a")).toBeUndefined();
  });

  it("accepts a county's own code only with six zeros below the county part", () => {
    expect(isCountyAreaCode("441581000000")).toBe(true);
    expect(isCountyAreaCode("441581101000")).toBe(false);
    expect(isCountyAreaCode("440000000000")).toBe(false);
  });

  it("refuses a code outside the county, of the wrong level, or under another township", () => {
    const county = "441581000000";
    expect(hallAreaCodeProblem("441581101000", "township_centre", county)).toBeUndefined();
    expect(hallAreaCodeProblem("441581000000", "county_centre", county)).toBeUndefined();
    expect(hallAreaCodeProblem("441582101000", "township_centre", county)).toBe("AREA_CODE_OUTSIDE_COUNTY");
    expect(hallAreaCodeProblem("4415811010", "township_centre", county)).toBe("AREA_CODE_INVALID");
    expect(hallAreaCodeProblem("441581101201", "township_centre", county)).toBe("AREA_CODE_LEVEL_MISMATCH");
    expect(hallAreaCodeProblem("441581101201", "village_point", county, "441581101000")).toBeUndefined();
    expect(hallAreaCodeProblem("441581102201", "village_point", county, "441581101000")).toBe(
      "AREA_CODE_OUTSIDE_COUNTY",
    );
  });
});

describe("case numbers in a county", () => {
  it("begin with the region code at the county centre and a hall on its own, with its own area code elsewhere", () => {
    expect(caseNumberPrefix({ kind: "county_centre", areaCode: "441581000000", regionCode: "441581" })).toBe("441581");
    expect(caseNumberPrefix({ kind: "county_centre", areaCode: null, regionCode: "441581" })).toBe("441581");
    expect(caseNumberPrefix({ kind: "township_centre", areaCode: "441581101000", regionCode: "441581" })).toBe(
      "441581101000",
    );
    expect(caseNumberPrefix({ kind: "village_point", areaCode: "441581101201", regionCode: "441581" })).toBe(
      "441581101201",
    );
    expect(caseNumberPrefix({ kind: "township_centre", areaCode: null, regionCode: "441581" })).toBe("441581");
  });
});
