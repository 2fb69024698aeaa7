import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { logoFileProblem, LogoPanel } from "./LogoPanel";

test("only JPEG, PNG and WebP up to 2 MB are sent", () => {
  expect(logoFileProblem({ size: 1000, type: "image/png" })).toBeNull();
  expect(logoFileProblem({ size: 2 * 1024 * 1024 + 1, type: "image/jpeg" })).toBe("标志图片不能超过 2 MB");
  expect(logoFileProblem({ size: 1000, type: "image/svg+xml" })).toBe("标志须为 JPEG、PNG 或 WebP 图片");
});

test("上传标志 without a file asks for one; a chosen SVG is refused before it is sent", async () => {
  const onUpload = vi.fn();
  render(
    <LogoPanel logo={null} editable pending={false} error={null} done={null} onUpload={onUpload} onRemove={vi.fn()} />,
  );
  expect(screen.getByText("尚未上传标志。")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "上传标志" }));
  expect((await screen.findByRole("alert")).textContent).toBe("请先选择标志图片");
  const svg = new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" });
  fireEvent.change(screen.getByLabelText("选择标志图片"), { target: { files: [svg] } });
  fireEvent.click(screen.getByRole("button", { name: "上传标志" }));
  expect((await screen.findByRole("alert")).textContent).toBe("标志须为 JPEG、PNG 或 WebP 图片");
  expect(onUpload).not.toHaveBeenCalled();
});

test("a PNG is sent as base64; the stored logo is shown with 删除标志", async () => {
  const onUpload = vi.fn();
  const onRemove = vi.fn();
  render(
    <LogoPanel
      logo="data:image/png;base64,AAAA"
      editable
      pending={false}
      error={null}
      done={null}
      onUpload={onUpload}
      onRemove={onRemove}
    />,
  );
  expect(screen.getByRole("img", { name: "大厅标志" })).toBeTruthy();
  const png = new File([new Uint8Array([137, 80, 78, 71])], "logo.png", { type: "image/png" });
  fireEvent.change(screen.getByLabelText("选择标志图片"), { target: { files: [png] } });
  fireEvent.click(screen.getByRole("button", { name: "上传标志" }));
  await vi.waitFor(() => expect(onUpload).toHaveBeenCalledWith("iVBORw=="));
  fireEvent.click(screen.getByRole("button", { name: "删除标志" }));
  expect(onRemove).toHaveBeenCalled();
});
