import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { ArchiveStatus } from "./ArchiveStatus";
import { DownloadLinks } from "./DownloadLinks";
import { reportFixture, versionRow } from "./fixtures";
import { GenerationProgress } from "./GenerationProgress";
import { VersionList } from "./VersionList";

test("the progress bar shows how far a version has got, in figures and in words", () => {
  render(<GenerationProgress version={{ version: 3, status: "generating", progress: 45, error: "" }} />);

  const bar = screen.getByRole("progressbar", { name: "第 3 版生成进度" });
  expect(bar.getAttribute("value")).toBe("45");
  expect(bar.getAttribute("max")).toBe("100");
  expect(screen.getByRole("status").textContent).toBe("已完成 45%");
});

test("a finished or failed generation says so instead of a bar", () => {
  const { rerender } = render(
    <GenerationProgress version={{ version: 3, status: "ready", progress: 100, error: "" }} />,
  );
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.getByRole("status").textContent).toBe("第 3 版已生成。");

  rerender(<GenerationProgress version={{ version: 3, status: "failed", progress: 40, error: "数据库连接中断" }} />);
  expect(screen.getByRole("alert").textContent).toBe("第 3 版生成失败：数据库连接中断");
});

test("an archived version says its number, when and by whom; a live report says it is a preview", () => {
  const report = reportFixture();
  const { rerender } = render(<ArchiveStatus report={report} version={versionRow({ version: 2 })} currentUserId={5} />);
  const status = screen.getByTestId("report-status");
  expect(status.textContent).toContain("存档第 2 版");
  expect(status.textContent).toContain("2023/07/01 09:00");
  expect(status.textContent).toContain("由系统在月度结束后自动生成");

  rerender(<ArchiveStatus report={report} version={versionRow({ version: 3, createdBy: 5 })} currentUserId={5} />);
  expect(screen.getByTestId("report-status").textContent).toContain("由您重新生成");

  rerender(<ArchiveStatus report={report} version={null} currentUserId={5} />);
  expect(screen.getByTestId("report-status").textContent).toContain("实时预览");
});

test("versions are listed with their state; another ready version opens on request", () => {
  const onOpen = vi.fn();
  render(
    <VersionList
      versions={[
        versionRow({ id: 43, version: 3, status: "generating", progress: 60, createdBy: 5, finishedAt: null }),
        versionRow({ id: 42, version: 2, createdBy: 5 }),
        versionRow({ id: 41, version: 1 }),
      ]}
      shown={2}
      onOpen={onOpen}
    />,
  );

  const rows = screen.getAllByTestId("report-versions-row");
  expect(rows[0]?.textContent).toContain("生成中 60%");
  expect(rows[1]?.textContent).toContain("正在查看");
  expect(rows[2]?.textContent).toContain("系统自动");
  fireEvent.click(screen.getByRole("button", { name: "查看此版" }));
  expect(onOpen).toHaveBeenCalledWith(1);
});

test("downloads point at the server's export routes for the version on screen", () => {
  render(<DownloadLinks hallId={7} month="2023-06" version={2} withCsv />);

  expect(screen.getByRole("link", { name: "下载 PDF" }).getAttribute("href")).toBe("/reports/7/2023-06.pdf?version=2");
  expect(screen.getByRole("link", { name: "下载 Excel（XLSX）" }).getAttribute("href")).toBe(
    "/reports/7/2023-06.xlsx?version=2",
  );
  expect(screen.getByRole("link", { name: "下载评价明细（CSV）" }).getAttribute("href")).toBe(
    "/reports/7/2023-06.csv?version=2",
  );
});

test("a department head's live report offers no hall-wide CSV", () => {
  render(<DownloadLinks hallId={7} month="2023-06" version={null} withCsv={false} />);

  expect(screen.getByRole("link", { name: "下载 PDF" }).getAttribute("href")).toBe("/reports/7/2023-06.pdf");
  expect(screen.queryByRole("link", { name: "下载评价明细（CSV）" })).toBeNull();
});
