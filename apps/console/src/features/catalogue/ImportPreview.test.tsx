import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import type { TCataloguePreview } from "./catalogue-types";
import { ImportApplied, ImportPreview } from "./ImportPreview";

const preview: TCataloguePreview = {
  fileName: "事项目录.csv",
  totalRows: 4,
  added: [{ row: 3, code: "TEST-0100", name: "食品经营许可", department: "县市场监督管理局" }],
  changed: [
    {
      row: 2,
      code: "TEST-0002",
      name: "不动产首次登记",
      changes: [{ field: "promisedDays", label: "承诺时限", before: "5 个工作日", after: "10 个工作日" }],
    },
  ],
  unchanged: 1,
  retired: [{ code: "TEST-0001", name: "个体工商户设立登记", department: "县市场监督管理局" }],
  refused: [
    {
      row: 5,
      code: "TEST-0102",
      problems: [{ field: "promisedDays", column: "承诺时限", message: "承诺时限不能超过法定时限" }],
    },
  ],
  planHash: "0".repeat(64),
};

test("the dry run lists what would be added, changed field by field, retired and refused", () => {
  render(<ImportPreview preview={preview} />);
  expect(screen.getByTestId("catalogue-preview-summary").textContent).toBe(
    "共 4 行：新增 1 项，修改 1 项，未变化 1 项，停用 1 项，有误 1 行。",
  );
  const changed = screen.getByRole("table", { name: "修改的事项" });
  expect(within(changed).getByText("5 个工作日")).toBeTruthy();
  expect(within(changed).getByText("10 个工作日")).toBeTruthy();
  const refused = screen.getByRole("table", { name: "有误的行" });
  expect(within(refused).getByText("第 5 行")).toBeTruthy();
  expect(within(refused).getByText("承诺时限不能超过法定时限")).toBeTruthy();
  expect(within(screen.getByRole("table", { name: "新增事项" })).getByText("食品经营许可")).toBeTruthy();
  expect(within(screen.getByRole("table", { name: "将停用的事项" })).getByText("个体工商户设立登记")).toBeTruthy();
});

test("the outcome counts what was applied, or says there was nothing to do", () => {
  const { unmount } = render(
    <ImportApplied applied={{ added: 1, changed: 1, retired: 1, unchanged: 1, refused: 1 }} />,
  );
  expect(screen.getByTestId("catalogue-applied").textContent).toBe(
    "导入完成：新增 1 项，修改 1 项，停用 1 项，有误未导入 1 行。",
  );
  unmount();
  render(<ImportApplied applied={{ added: 0, changed: 0, retired: 0, unchanged: 3, refused: 0 }} />);
  expect(screen.getByTestId("catalogue-applied").textContent).toBe("事项目录与文件一致，没有需要导入的变动。");
});
