import { fireEvent, render, screen } from "@testing-library/react";
import { expect, test, vi } from "vitest";

import { EmptyPeriodNotice } from "./EmptyPeriodNotice";

const today = "2026-12-07";

test("a hall with no case or rating at all is told so, offered nothing and never shown the demo's words", () => {
  render(<EmptyPeriodNotice months={[]} period={{ from: today, to: today }} today={today} onChange={vi.fn()} />);

  expect(screen.getByRole("status").textContent).toBe("所选期间暂无评价数据。本大厅尚无办件或评价记录。");
  expect(screen.queryByRole("button")).toBeNull();
  expect(document.body.textContent).not.toContain("演示");
  expect(document.body.textContent).not.toContain("2023");
});

test("otherwise the latest month with data is one click away", () => {
  const onChange = vi.fn();
  render(
    <EmptyPeriodNotice
      months={["2026-10", "2023-12"]}
      period={{ from: "2026-12-01", to: today }}
      today={today}
      onChange={onChange}
    />,
  );

  expect(screen.getByRole("status").textContent).toContain("所选期间暂无评价数据。");
  fireEvent.click(screen.getByRole("button", { name: "查看2026年10月" }));
  expect(onChange).toHaveBeenCalledWith({ from: "2026-10-01", to: "2026-10-31" });
});

test("this month's data is offered up to today, and not when it is the period already shown", () => {
  const onChange = vi.fn();
  const { rerender } = render(
    <EmptyPeriodNotice months={["2026-12"]} period={{ from: today, to: today }} today={today} onChange={onChange} />,
  );
  fireEvent.click(screen.getByRole("button", { name: "查看2026年12月" }));
  expect(onChange).toHaveBeenCalledWith({ from: "2026-12-01", to: today });

  rerender(
    <EmptyPeriodNotice
      months={["2026-12"]}
      period={{ from: "2026-12-01", to: today }}
      today={today}
      onChange={onChange}
    />,
  );
  expect(screen.queryByRole("button")).toBeNull();
});
