import { render, screen } from "@testing-library/react";
import { expect, test } from "vitest";

import { PopulationNote } from "./PopulationNote";

test("states whom 红黑榜 and 末位 were computed over: the hall", () => {
  render(<PopulationNote population={{ scope: "hall", name: "全厅", ranked: 12 }} />);
  expect(screen.getByTestId("ranking-population").textContent).toBe(
    "排名范围：全厅，12 个窗口参与排名；红榜、黑榜和末位均在此范围内计算。",
  );
});

test("states whom 红黑榜 and 末位 were computed over: a department head's department", () => {
  render(<PopulationNote population={{ scope: "department", name: "县市场监督管理局", ranked: 1 }} />);
  expect(screen.getByTestId("ranking-population").textContent).toBe(
    "排名范围：县市场监督管理局在各窗口办理的办件，1 个窗口参与排名；红榜、黑榜和末位均在此范围内计算。参与排名的不足 2 个，不设红黑榜和末位。",
  );
});
