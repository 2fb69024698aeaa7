import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { PhotoUpload } from "./PhotoUpload";

function renderUpload() {
  const onUpload = vi.fn();
  render(<PhotoUpload staffName="王丽" pending={false} error={null} onUpload={onUpload} />);
  return { onUpload, input: screen.getByLabelText(/上传王丽的亮牌照片/) };
}

test("a file that is no JPEG, PNG or WebP, or over 5 MB, is refused in Chinese and not sent", () => {
  const { onUpload, input } = renderUpload();
  fireEvent.change(input, { target: { files: [new File(["GIF89a"], "a.gif", { type: "image/gif" })] } });
  expect(screen.getByText("照片须为 JPEG、PNG 或 WebP 格式的图片")).toBeTruthy();
  const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "big.jpg", { type: "image/jpeg" });
  fireEvent.change(input, { target: { files: [big] } });
  expect(screen.getByText("照片不能超过 5 MB")).toBeTruthy();
  expect(onUpload).not.toHaveBeenCalled();
});

test("a photo is sent as base64 without the data: prefix", async () => {
  const { onUpload, input } = renderUpload();
  fireEvent.change(input, { target: { files: [new File(["photo"], "p.png", { type: "image/png" })] } });
  await waitFor(() => expect(onUpload).toHaveBeenCalledTimes(1));
  expect(onUpload.mock.calls[0]?.[0]).toBe(Buffer.from("photo").toString("base64"));
});
