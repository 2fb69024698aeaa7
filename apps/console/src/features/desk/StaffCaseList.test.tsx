import { fireEvent, render, screen, within } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { LEVEL_LABELS } from "@hcp/domain";

import type { TCaseRow } from "../../lib/api-types";
import { StaffCaseList, type StaffCaseListProps } from "./StaffCaseList";

function caseRow(overrides: Partial<TCaseRow>): TCaseRow {
  return {
    id: 1,
    caseNo: "33108220230508000001",
    itemName: "个体工商户设立登记",
    applicantNameMasked: "张*",
    applicantContactMasked: "138****5678",
    applicantIdNoMasked: "",
    status: "received",
    receivedAt: "2023-05-08T01:30:00.000Z",
    completedAt: null,
    dueDate: null,
    dueDateProvisional: false,
    rated: false,
    prompt: null,
    ...overrides,
  };
}

const rows: TCaseRow[] = [
  caseRow({ id: 1, caseNo: "C-RECEIVED" }),
  caseRow({ id: 2, caseNo: "C-DONE", status: "completed", completedAt: "2023-05-08T02:00:00.000Z" }),
  caseRow({
    id: 3,
    caseNo: "C-PUSHED",
    status: "completed",
    completedAt: "2023-05-08T02:00:00.000Z",
    prompt: prompt(3, "pushed"),
  }),
  caseRow({
    id: 4,
    caseNo: "C-RATED",
    status: "completed",
    completedAt: "2023-05-08T02:00:00.000Z",
    rated: true,
    prompt: prompt(4, "rated"),
  }),
  caseRow({
    id: 5,
    caseNo: "C-SHOWING",
    status: "completed",
    completedAt: "2023-05-08T02:00:00.000Z",
    prompt: prompt(5, "showing"),
  }),
  caseRow({
    id: 6,
    caseNo: "C-TIMED-OUT",
    status: "completed",
    completedAt: "2023-05-08T02:00:00.000Z",
    prompt: prompt(6, "timed_out"),
  }),
  caseRow({
    id: 7,
    caseNo: "C-WITHDRAWN",
    status: "completed",
    completedAt: "2023-05-08T02:00:00.000Z",
    prompt: prompt(7, "withdrawn"),
  }),
];

function prompt(id: number, state: NonNullable<TCaseRow["prompt"]>["state"]): TCaseRow["prompt"] {
  return { id, state, createdAt: "2023-05-08T02:00:00.000Z" };
}

function renderList(props: Partial<StaffCaseListProps> = {}) {
  const onComplete = vi.fn();
  const onInvite = vi.fn();
  const onWithdraw = vi.fn();
  render(
    <StaffCaseList
      cases={rows}
      onComplete={onComplete}
      onInvite={onInvite}
      onWithdraw={onWithdraw}
      busy={null}
      errors={{}}
      invitedIds={new Set()}
      {...props}
    />,
  );
  return { onComplete, onInvite, onWithdraw };
}

function row(caseNo: string): HTMLElement {
  const element = screen.getAllByTestId("case-row").find((candidate) => candidate.dataset.caseNo === caseNo);
  if (!element) throw new Error(`no row for ${caseNo}`);
  return element;
}

test("each state offers its one next step: 办结, 请评价, pushed, 已评价", () => {
  const { onComplete, onInvite } = renderList();

  fireEvent.click(within(row("C-RECEIVED")).getByRole("button", { name: "办结" }));
  expect(onComplete).toHaveBeenCalledWith(1);

  fireEvent.click(within(row("C-DONE")).getByRole("button", { name: "请评价" }));
  expect(onInvite).toHaveBeenCalledWith(2);

  expect(within(row("C-PUSHED")).getByText("已推送")).toBeTruthy();
  expect(within(row("C-RATED")).getByText("已评价")).toBeTruthy();
  expect(within(row("C-RATED")).queryByRole("button")).toBeNull();
});

test("a prompt's live state is shown; an open one can be withdrawn, an ended one pushed again", () => {
  const { onInvite, onWithdraw } = renderList();

  for (const [caseNo, label] of [
    ["C-PUSHED", "已推送"],
    ["C-SHOWING", "评价中"],
    ["C-TIMED-OUT", "已超时"],
    ["C-WITHDRAWN", "已撤回"],
  ] as const) {
    expect(within(row(caseNo)).getByRole("status").textContent).toBe(label);
  }
  fireEvent.click(within(row("C-PUSHED")).getByRole("button", { name: "撤回推送" }));
  fireEvent.click(within(row("C-SHOWING")).getByRole("button", { name: "撤回推送" }));
  expect(onWithdraw.mock.calls).toEqual([[3], [5]]);
  expect(within(row("C-SHOWING")).queryByRole("button", { name: "重新推送" })).toBeNull();

  fireEvent.click(within(row("C-TIMED-OUT")).getByRole("button", { name: "重新推送" }));
  fireEvent.click(within(row("C-WITHDRAWN")).getByRole("button", { name: "重新推送" }));
  expect(onInvite.mock.calls).toEqual([[6], [7]]);
  expect(within(row("C-TIMED-OUT")).queryByRole("button", { name: "撤回推送" })).toBeNull();
});

test("a rated case never shows its level, even if the API were to leak one", () => {
  // Simulates a future API change that adds the level to the row: the screen must still hide it.
  const leaky = rows.map((candidate) => ({ ...candidate, level: 1, levelLabel: LEVEL_LABELS[1] }));
  renderList({ cases: leaky });

  const text = document.body.textContent;
  for (const label of Object.values(LEVEL_LABELS)) expect(text).not.toContain(label);
  expect(text).not.toMatch(/好评|差评|满意/);
  expect(within(row("C-RATED")).getByText("已评价")).toBeTruthy();
});

test("an invitation sent this visit shows as pushed before the list refreshes", () => {
  renderList({ invitedIds: new Set([2]) });

  expect(within(row("C-DONE")).getByText("已推送")).toBeTruthy();
  expect(within(row("C-DONE")).queryByRole("button", { name: "请评价" })).toBeNull();
});

test("a failed request shows its Chinese message in that row as an alert", () => {
  renderList({ errors: { 2: "请先选择您所在的窗口" } });

  expect(within(row("C-DONE")).getByRole("alert").textContent).toBe("请先选择您所在的窗口");
  expect(within(row("C-RECEIVED")).queryByRole("alert")).toBeNull();
});

test("an empty day says so in Chinese", () => {
  renderList({ cases: [] });

  expect(screen.getByText("今日暂无办件")).toBeTruthy();
});

test("a 承诺件 shows its due date, marked 暂按周末计算 while it was counted on a year without a confirmed schedule", () => {
  render(
    <StaffCaseList
      cases={[
        caseRow({ id: 11, caseNo: "C-DUE-PROVISIONAL", dueDate: "2027-01-04", dueDateProvisional: true }),
        caseRow({ id: 12, caseNo: "C-DUE-CONFIRMED", dueDate: "2026-12-04" }),
        caseRow({ id: 13, caseNo: "C-INSTANT" }),
      ]}
      onComplete={vi.fn()}
      onInvite={vi.fn()}
      onWithdraw={vi.fn()}
      busy={null}
      errors={{}}
      invitedIds={new Set()}
    />,
  );
  const provisional = within(row("C-DUE-PROVISIONAL")).getByTestId("case-due");
  expect(provisional.textContent).toBe("办结期限 2027-01-04暂按周末计算");
  expect(within(provisional).getByTestId("provisional-calendar").getAttribute("title")).toBe(
    "该年的法定节假日安排尚未确认，暂按周一至周五上班计算；确认后自动重算。",
  );
  expect(within(row("C-DUE-CONFIRMED")).getByTestId("case-due").textContent).toBe("办结期限 2026-12-04");
  expect(within(row("C-INSTANT")).queryByTestId("case-due")).toBeNull();
});
