import { describe, expect, test } from "vitest";

import {
  HALL_TIME_ZONE,
  HALL_UTC_OFFSET_HOURS,
  HALL_UTC_OFFSET_MS,
  hallClockText,
  hallDate,
  hallDateMinuteText,
  hallDateTimeText,
  hallDayBounds,
  hallLongDateTimeText,
  hallMonth,
  hallMonthDayText,
  hallTimeOfDay,
  hallTimestamp,
} from "./hall-clock";

describe("hall clock", () => {
  test("hall dates follow Asia/Shanghai, not UTC", () => {
    expect(hallDate(new Date("2023-05-31T16:30:00Z"))).toBe("2023-06-01");
    const bounds = hallDayBounds("2023-06-01");
    expect(bounds.start.toISOString()).toBe("2023-05-31T16:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2023-06-01T16:00:00.000Z");
    expect(hallDateTimeText(new Date("2023-05-31T16:30:05Z"))).toBe("2023/06/01 00:30:05");
  });

  test("a hall day turns at 16:00 UTC, to the millisecond", () => {
    expect(hallDate(new Date("2026-11-25T15:59:59.999Z"))).toBe("2026-11-25");
    expect(hallDate(new Date("2026-11-25T16:00:00.000Z"))).toBe("2026-11-26");
    expect(hallTimeOfDay(new Date("2026-11-25T15:59:59.999Z"))).toBe("23:59:59");
    expect(hallTimeOfDay(new Date("2026-11-25T16:00:00.000Z"))).toBe("00:00:00");
    // The bounds of a day hold exactly the instants whose hall date is that day.
    const { start, end } = hallDayBounds("2026-11-26");
    expect(hallDate(start)).toBe("2026-11-26");
    expect(hallDate(new Date(start.getTime() - 1))).toBe("2026-11-25");
    expect(hallDate(new Date(end.getTime() - 1))).toBe("2026-11-26");
    expect(hallDate(end)).toBe("2026-11-27");
  });

  test("months and years turn on the hall's clock, leap days included", () => {
    expect(hallMonth(new Date("2023-12-31T15:59:59Z"))).toBe("2023-12");
    expect(hallMonth(new Date("2023-12-31T16:00:00Z"))).toBe("2024-01");
    expect(hallDate(new Date("2024-02-28T16:00:00Z"))).toBe("2024-02-29");
    expect(hallDate(new Date("2023-02-28T16:00:00Z"))).toBe("2023-03-01");
    const february = hallDayBounds("2024-02-01", "2024-02-29");
    expect(february.start.toISOString()).toBe("2024-01-31T16:00:00.000Z");
    expect(february.end.toISOString()).toBe("2024-02-29T16:00:00.000Z");
    const year = hallDayBounds("2023-01-01", "2023-12-31");
    expect(year.end.getTime() - year.start.getTime()).toBe(365 * 86_400_000);
  });

  test("formats an instant the ways the hall reads it", () => {
    const instant = new Date("2026-01-04T16:05:09Z");
    expect(hallTimestamp(instant)).toBe("2026-01-05 00:05:09");
    expect(hallDateTimeText(instant)).toBe("2026/01/05 00:05:09");
    expect(hallDateMinuteText(instant)).toBe("2026/01/05 00:05");
    expect(hallClockText(instant)).toBe("00:05");
    expect(hallMonthDayText(instant)).toBe("1月5日 00:05");
    expect(hallLongDateTimeText(instant)).toBe("2026年1月5日 00:05");
    expect(hallLongDateTimeText(new Date("2026-11-25T02:00:00Z"))).toBe("2026年11月25日 10:00");
  });

  test("the fixed offset is the hall's time zone, on every day of a year either side of midnight", () => {
    expect(HALL_UTC_OFFSET_MS).toBe(HALL_UTC_OFFSET_HOURS * 3_600_000);
    const zone = new Intl.DateTimeFormat("en-CA", {
      timeZone: HALL_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    const byZone = (instant: Date) => {
      const part = Object.fromEntries(zone.formatToParts(instant).map((p) => [p.type, p.value]));
      return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
    };
    for (let day = 0; day < 366; day++) {
      for (const utc of ["15:59:59", "16:00:00", "03:30:00"]) {
        const instant = new Date(Date.parse(`2026-01-01T${utc}Z`) + day * 86_400_000);
        expect(hallTimestamp(instant)).toBe(byZone(instant));
      }
    }
  });
});
