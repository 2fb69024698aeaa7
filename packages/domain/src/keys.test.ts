import { expect, test } from "vitest";

import { isKeyOf, keysOf, labelOf } from "./keys";

const TABLE = { pending: "待联系", closed: "已办结" } as const;

test("keysOf lists a table's own keys in their order, nothing inherited", () => {
  expect(keysOf(TABLE)).toEqual(["pending", "closed"]);
  class Row {
    label(): string {
      return "inherited";
    }
  }
  expect(keysOf(new Row())).toEqual([]);
});

test("isKeyOf admits a table's own keys only, numeric ones by their code", () => {
  expect(isKeyOf(TABLE, "pending")).toBe(true);
  expect(isKeyOf(TABLE, "toString")).toBe(false);
  expect(isKeyOf(TABLE, "__proto__")).toBe(false);
  expect(isKeyOf({ 4: "政务大厅平板电脑" }, 4)).toBe(true);
  expect(isKeyOf({ 4: "政务大厅平板电脑" }, 8)).toBe(false);
});

test("labelOf names a known code and shows an unknown one as it is", () => {
  expect(labelOf(TABLE, "closed")).toBe("已办结");
  expect(labelOf(TABLE, "archived")).toBe("archived");
  expect(labelOf(TABLE, "constructor")).toBe("constructor");
});
