import { describe, expect, test } from "vitest";

import { addWorkingDays, countWorkingDays, dayKind, exceptionsFromSchedules, workingDaysLeft } from "./calendar";

const exceptions = exceptionsFromSchedules();

describe("working-day calendar", () => {
  test("2023 has 249 working days once holidays and make-up days are applied", () => {
    expect(countWorkingDays("2023-01-01", "2023-12-31", exceptions)).toBe(249);
  });

  test("2022 follows the State Council notice: June 2022 has 21 working days (端午 3 June off)", () => {
    expect(countWorkingDays("2022-06-01", "2022-06-30", exceptions)).toBe(21);
    expect(dayKind("2022-06-03", exceptions)).toBe("holiday");
    for (const date of [
      "2022-01-29",
      "2022-01-30",
      "2022-04-02",
      "2022-04-24",
      "2022-05-07",
      "2022-10-08",
      "2022-10-09",
    ]) {
      expect(dayKind(date, exceptions)).toBe("makeup");
    }
    for (const date of ["2022-01-03", "2022-02-04", "2022-04-05", "2022-05-04", "2022-09-12", "2022-10-07"]) {
      expect(dayKind(date, exceptions)).toBe("holiday");
    }
    expect(countWorkingDays("2022-01-01", "2022-12-31", exceptions)).toBe(249);
  });

  test("a 调休 Saturday is a working day and a weekday holiday is not", () => {
    expect(dayKind("2023-01-28", exceptions)).toBe("makeup");
    expect(dayKind("2023-01-23", exceptions)).toBe("holiday");
    expect(dayKind("2023-03-04", exceptions)).toBe("weekend");
    expect(dayKind("2023-03-06", exceptions)).toBe("workday");
  });

  test("adding working days skips the National Day break and lands on its make-up Saturday", () => {
    // 2023-09-28 (Thu) + 1 working day: 29 Sep – 6 Oct are off, 7 Oct is a make-up day.
    expect(addWorkingDays("2023-09-28", 1, exceptions)).toBe("2023-10-07");
    expect(addWorkingDays("2023-09-28", 3, exceptions)).toBe("2023-10-09");
  });

  test("2023 National Day: 29 Sep – 6 Oct off, 7 and 8 Oct worked", () => {
    for (const date of ["2023-09-29", "2023-10-02", "2023-10-06"]) expect(dayKind(date, exceptions)).toBe("holiday");
    expect(dayKind("2023-10-07", exceptions)).toBe("makeup");
    expect(dayKind("2023-10-08", exceptions)).toBe("makeup");
  });

  test("2025 Spring Festival: 28 Jan – 4 Feb off, 26 Jan and 8 Feb worked", () => {
    for (const date of ["2025-01-28", "2025-01-31", "2025-02-04"]) expect(dayKind(date, exceptions)).toBe("holiday");
    expect(dayKind("2025-01-26", exceptions)).toBe("makeup");
    expect(dayKind("2025-02-08", exceptions)).toBe("makeup");
    expect(countWorkingDays("2025-01-27", "2025-02-07", exceptions)).toBe(4);
  });

  test("working days left count across a holiday, and go negative once overdue", () => {
    expect(workingDaysLeft("2023-09-28", "2023-10-09", exceptions)).toBe(3);
    expect(workingDaysLeft("2023-10-09", "2023-10-09", exceptions)).toBe(0);
    expect(workingDaysLeft("2023-10-09", "2023-09-28", exceptions)).toBe(-3);
  });
});
