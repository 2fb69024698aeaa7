import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";

import type { TWorkOrderDetail } from "../../lib/api-types";
import { workOrderDetail } from "./fixtures";
import { WorkOrderView } from "./WorkOrderView";

test("the order view never shows the applicant, even if the API ever sent it", () => {
  const base = workOrderDetail();
  // Applicant fields smuggled in beside the real ones: the view must pick fields by name.
  const leaky = {
    ...base,
    applicantName: "张三丰",
    applicantPhone: "13812345678",
    case: { ...base.case, applicantName: "张三丰", applicantPhone: "13812345678", applicantIdNo: "110101199003074512" },
  };
  const order: TWorkOrderDetail = leaky;
  const { container } = render(<WorkOrderView order={order} />);
  const text = container.textContent;

  expect(text).not.toContain("张三丰");
  expect(text).not.toContain("13812345678");
  expect(text).not.toContain("1381234");
  expect(text).not.toContain("110101199003074512");
  const labels = screen.getAllByRole("term").map((term) => term.textContent);
  expect(labels.filter((label) => /申请人|联系|电话|证件/.test(label ?? ""))).toEqual([]);
  // …while the staff member it is about is named, with the badge.
  expect(text).toContain("李明");
  expect(text).toContain("工号 SC0301");
});

test("the citizen is never named in the timeline, not even for a follow-up rating", () => {
  const order = workOrderDetail({
    events: [
      {
        id: 9,
        action: "followUp",
        actionLabel: "群众追评",
        actorName: "张三丰",
        actorRole: "citizen",
        toState: "closed",
        note: "",
        appealReason: null,
        createdAt: "2023-06-01T02:00:00.000Z",
      },
    ],
  });
  render(<WorkOrderView order={order} />);
  const event = within(screen.getByTestId("work-order-event"));
  expect(event.getByText("群众")).toBeTruthy();
  expect(event.queryByText(/张三丰/)).toBeNull();
});

test("the rating, the case, the deadlines and the timeline are shown in the hall's words and time", () => {
  render(<WorkOrderView order={workOrderDetail({ extension: "requested", extensionDays: 10 })} />);

  expect(screen.getByTestId("work-order-state").textContent).toBe("整改中");
  expect(screen.getByText("非常不满意")).toBeTruthy();
  expect(screen.getByText("跑动次数与承诺的不一致")).toBeTruthy();
  expect(screen.getByText("需提供办事指南之外的申报材料")).toBeTruthy();
  expect(screen.getByText("材料清单和窗口要求不一致，跑了三次")).toBeTruthy();
  expect(screen.getByText("A03 市场准入窗口")).toBeTruthy();
  expect(screen.getByText("已申请延期 10 个工作日，待大厅管理者审批")).toBeTruthy();
  expect(screen.getByText("剩 5 个工作日")).toBeTruthy();

  const events = screen.getAllByTestId("work-order-event");
  expect(events).toHaveLength(3);
  const [opened, contact] = events.map((event) => within(event));
  expect(contact?.getByText("2023/05/08 14:05")).toBeTruthy();
  expect(contact?.getByText("回访")).toBeTruthy();
  expect(contact?.getByText("王芳（部门负责人）")).toBeTruthy();
  expect(contact?.getByText("5月8日电话回访，群众反映材料清单与窗口要求不一致。")).toBeTruthy();
  expect(opened?.getByText("系统")).toBeTruthy();
});

test("an overdue order shows 已超期 and its escalation", () => {
  render(<WorkOrderView order={workOrderDetail({ overdue: true, escalation: 2, due: "2023-05-19" })} />);
  expect(screen.getByTestId("overdue-flag").textContent).toBe("已超期");
  expect(screen.getByTestId("escalation").textContent).toBe("已提请大厅管理者督办");
});

describe("下一步: who acts, on what, by when, entering what — for every viewer", () => {
  const next = () => within(screen.getByTestId("work-order-next"));

  test("a manager opening a 待核实 order reads that the department head must call back, by when, with the record", () => {
    render(
      <WorkOrderView
        order={workOrderDetail({
          state: "pending",
          deadline: "contact",
          due: "2023-05-09",
          daysLeft: 1,
          actions: [],
          next: { actor: "department_head", actorNames: ["王芳"], actions: ["contact"], followUpCloses: false },
        })}
      />,
    );
    expect(screen.getByTestId("work-order-next-actor").textContent).toBe("部门负责人 王芳 无需您办理");
    expect(next().getByText("回访")).toBeTruthy();
    expect(next().getByText("回访期限 2023-05-09")).toBeTruthy();
    expect(next().getByText("剩 1 个工作日")).toBeTruthy();
    expect(next().getByText("回访记录")).toBeTruthy();
  });

  test("the department head in 整改中 is told it is their turn and what each of their steps needs", () => {
    render(<WorkOrderView order={workOrderDetail()} />);
    expect(screen.getByTestId("work-order-your-turn").textContent).toBe("轮到您办理");
    expect(next().getByText("整改完成或申请延期或申请无法整改")).toBeTruthy();
    expect(next().getByText("整改完成：整改情况")).toBeTruthy();
    expect(next().getByText("申请延期：延期天数、延期理由")).toBeTruthy();
    expect(next().getByText("申请无法整改：无法整改的理由")).toBeTruthy();
  });

  test("an appeal waits for the hall manager with the clock paused; a department without a head says so", () => {
    const { unmount } = render(
      <WorkOrderView
        order={workOrderDetail({
          state: "appealed",
          deadline: null,
          due: null,
          daysLeft: null,
          actions: [],
          next: {
            actor: "hall_manager",
            actorNames: ["赵敏", "钱进"],
            actions: ["upholdAppeal", "rejectAppeal"],
            followUpCloses: false,
          },
        })}
      />,
    );
    expect(screen.getByTestId("work-order-next-actor").textContent).toContain("大厅管理者 赵敏、钱进");
    expect(next().getByText("本步骤无规定期限")).toBeTruthy();
    expect(next().getByText("申诉审核期间，整改期限暂停计算。")).toBeTruthy();
    unmount();
    render(
      <WorkOrderView
        order={workOrderDetail({
          next: { actor: "department_head", actorNames: [], actions: ["markRectified"], followUpCloses: false },
        })}
      />,
    );
    expect(screen.getByTestId("work-order-next-actor").textContent).toContain("部门负责人 （尚未设置该角色的账号）");
  });

  test("after the reply the citizen's follow-up closes the order; a closed order waits for nobody", () => {
    const { unmount } = render(
      <WorkOrderView
        order={workOrderDetail({
          state: "replied",
          deadline: null,
          due: null,
          next: { actor: "department_head", actorNames: ["王芳"], actions: ["close"], followUpCloses: true },
        })}
      />,
    );
    expect(next().getByText("办结说明（选填）")).toBeTruthy();
    expect(next().getByText("群众追评后工单自动办结。")).toBeTruthy();
    unmount();
    render(
      <WorkOrderView
        order={workOrderDetail({
          state: "closed",
          actions: [],
          next: { actor: null, actorNames: [], actions: [], followUpCloses: false },
        })}
      />,
    );
    expect(screen.getByTestId("work-order-next").textContent).toContain("工单已办结，无需再办理。");
  });
});
