import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { importView } from "./fixtures";
import { ImportReport } from "./ImportReport";

test("a check lists every wrong row with its row number, column and message", () => {
  render(<ImportReport job={importView()} />);
  expect(screen.getByRole("status").textContent).toBe("校验完成：共 3 行，无误 2 行，有误 1 行。");
  const table = screen.getByRole("table", { name: "有误的行" });
  const rows = within(table)
    .getAllByRole("row")
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
  expect(rows).toEqual([
    ["行号", "列", "问题"],
    ["第 3 行", "事项编码", "事项编码 NOPE 不存在或不属于本大厅"],
  ]);
});

test("a report cut short says how many problems there were", () => {
  render(<ImportReport job={importView({ errorCount: 2500 })} />);
  expect(screen.getByText("仅列出前 1 条，共 2500 条问题。")).toBeTruthy();
});

test("a running job shows its progress; a finished import its final counts", () => {
  const { rerender } = render(
    <ImportReport
      job={importView({ mode: "valid-rows", status: "running", progress: 45, errors: [], errorCount: 0 })}
    />,
  );
  const bar = screen.getByRole("progressbar", { name: "导入进度" });
  expect(bar.getAttribute("value")).toBe("45");
  expect(screen.getByRole("status").textContent).toBe("45%");

  rerender(<ImportReport job={importView({ mode: "valid-rows", createdRows: 1, updatedRows: 1, unchangedRows: 0 })} />);
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByRole("status").textContent).toBe("导入完成：新增 1 行，更新 1 行，未变化 0 行，有误未导入 1 行。");
});

test("a refused file and an interrupted job are told as alerts", () => {
  const { rerender } = render(
    <ImportReport
      job={importView({
        status: "refused",
        failure: "表头与模板不符，请下载模板核对列名：缺少“受理时间”列",
        errors: [],
      })}
    />,
  );
  expect(screen.getByRole("alert").textContent).toBe("表头与模板不符，请下载模板核对列名：缺少“受理时间”列");
  rerender(<ImportReport job={importView({ status: "interrupted", errors: [] })} />);
  expect(screen.getByRole("alert").textContent).toContain("请重新导入该文件");
});
