import { render, screen, within } from "@testing-library/react";
import { expect, test } from "vitest";

import { ReceiptSheet, type TCaseReceipt } from "./ReceiptSheet";

const token = "v1.k1.eyJjIjo0MiwiZSI6MTc5NjI2MDQwMH0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const receipt: TCaseReceipt = {
  caseNo: "3300002026112500001",
  hallName: "测试县政务服务中心",
  itemName: "个体工商户设立登记",
  departmentName: "县市场监督管理局",
  windowName: "综合受理1号窗口",
  staffName: "王丽",
  badgeNo: "T001",
  applicantNameMasked: "孙*",
  completedAt: "2026-11-25T02:00:00.000Z",
  ratingDeadline: "2026-12-02T02:00:00.000Z",
  ratingToken: token,
  qrPath: `/rate?t=${token}&pf=3`,
  smsPath: `/rate?t=${token}&pf=7`,
};

function renderSheet() {
  render(<ReceiptSheet receipt={receipt} origin="https://hall.example" printedAt={new Date("2026-11-25T02:05:00Z")} />);
  return screen.getByTestId("receipt");
}

test("the receipt names the case, item, department, window, staff and badge, in hall time", () => {
  const sheet = renderSheet();
  expect(within(sheet).getByRole("heading", { name: "办件回执" })).toBeTruthy();
  for (const text of [
    "3300002026112500001",
    "个体工商户设立登记",
    "县市场监督管理局",
    "综合受理1号窗口",
    "王丽（工号 T001）",
    "孙*",
  ]) {
    expect(within(sheet).getByText(text)).toBeTruthy();
  }
  expect(within(sheet).getByText("2026年11月25日 10:00")).toBeTruthy();
});

test("the QR code encodes the signed link on this origin with channel 3, and the page says how else to rate", () => {
  const sheet = renderSheet();
  const qr = within(sheet).getByRole("img", { name: "评价二维码" });
  expect(qr.getAttribute("data-qr-url")).toBe(`https://hall.example/rate?t=${token}&pf=3`);
  // A real QR symbol: dark modules drawn, square, with its quiet zone.
  const viewBox = qr.getAttribute("viewBox")?.split(" ").map(Number) ?? [];
  expect(viewBox[2]).toBe(viewBox[3]);
  expect(viewBox[2]).toBeGreaterThanOrEqual(21 + 8);
  expect(qr.querySelector("path")?.getAttribute("d")?.length ?? 0).toBeGreaterThan(1000);
  expect(within(sheet).getByText(/评价有效期至 2026年12月2日 10:00/)).toBeTruthy();
  expect(within(sheet).getByTestId("receipt-lookup-help").textContent).toBe(
    "也可访问 https://hall.example/rate，输入办件编号和申请时所留手机号的后四位进行评价。",
  );
});

test("nothing on the paper identifies the applicant beyond the masked name", () => {
  const sheet = renderSheet();
  expect(sheet.textContent).not.toMatch(/1\d{10}/);
});
