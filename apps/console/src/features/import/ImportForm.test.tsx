import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { importView } from "./fixtures";
import { ImportForm, type ImportFormProps } from "./ImportForm";

function renderForm(props: Partial<ImportFormProps> = {}) {
  const onStart = vi.fn();
  const onFileChange = vi.fn();
  render(
    <ImportForm
      busy={false}
      checked={null}
      error={null}
      onStart={onStart}
      onFileChange={onFileChange}
      onTemplate={vi.fn()}
      {...props}
    />,
  );
  return { onStart, onFileChange };
}

function choose(file: File) {
  const input = screen.getByLabelText<HTMLInputElement>(/导入文件/);
  Object.defineProperty(input, "files", {
    configurable: true,
    value: Object.assign([file], { item: (index: number) => [file][index] ?? null }),
  });
  fireEvent.change(input);
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });
const csvFile = () => new File(["办件编号\n"], "办件.csv", { type: "text/csv" });

test("before a check only 先校验 is open; it sends the chosen file in validate mode", async () => {
  const { onStart, onFileChange } = renderForm();
  expect(button("全部导入").disabled).toBe(true);
  expect(button("仅导入无误的行").disabled).toBe(true);
  const file = csvFile();
  choose(file);
  expect(onFileChange).toHaveBeenCalledTimes(1);
  fireEvent.click(button("先校验"));
  await waitFor(() => expect(onStart).toHaveBeenCalledWith(file, "validate"));
});

test("no file, or a file that is neither CSV nor XLSX, is refused in Chinese before any upload", async () => {
  const { onStart } = renderForm();
  fireEvent.click(button("先校验"));
  expect(await screen.findByText("请选择要导入的文件")).toBeTruthy();
  choose(new File(["x"], "办件.txt"));
  fireEvent.click(button("先校验"));
  expect(await screen.findByText("只能导入 .csv 或 .xlsx 文件")).toBeTruthy();
  expect(onStart).not.toHaveBeenCalled();
});

test("with wrong rows 全部导入 stays shut and 仅导入无误的行 opens", async () => {
  const { onStart } = renderForm({ checked: importView() });
  expect(button("全部导入").disabled).toBe(true);
  expect(screen.getByText(/文件中有错误的行时不能全部导入/)).toBeTruthy();
  const file = csvFile();
  choose(file);
  fireEvent.click(button("仅导入无误的行"));
  await waitFor(() => expect(onStart).toHaveBeenCalledWith(file, "valid-rows"));
});

test("a clean check opens 全部导入 only", async () => {
  const clean = importView({ validRows: 3, errorRows: 0, errors: [], errorCount: 0 });
  const { onStart } = renderForm({ checked: clean });
  expect(button("仅导入无误的行").disabled).toBe(true);
  const file = csvFile();
  choose(file);
  fireEvent.click(button("全部导入"));
  await waitFor(() => expect(onStart).toHaveBeenCalledWith(file, "all-or-nothing"));
});

test("every button waits while a job runs", () => {
  renderForm({ busy: true, checked: importView({ validRows: 3, errorRows: 0, errors: [] }) });
  for (const name of ["先校验", "全部导入", "仅导入无误的行"]) expect(button(name).disabled).toBe(true);
});
