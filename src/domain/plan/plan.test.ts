import { describe, expect, it } from "vitest";
import { settleProgress, statusProblem } from "./check-measure.ts";
import { outsideFiscalYear } from "./fiscal-year-date.ts";
import { addDays, dayIn, reminderKind, THAI_TIME_ZONE } from "./reminder-days.ts";

describe("measure rules", () => {
  it("keeps progress 100 and status done together", () => {
    expect(statusProblem("done", 100)).toBeUndefined();
    expect(statusProblem("in_progress", 99)).toBeUndefined();
    expect(statusProblem("cancelled", 40)).toBeUndefined();
    expect(statusProblem("done", 90)?.en).toContain("progress 100");
    expect(statusProblem("planned", 100)?.th).toContain("done");
  });

  it("completes a measure marked done without a progress, and nothing else", () => {
    const current = { status: "in_progress", progress: 40 };
    expect(settleProgress({ status: "done" }, current)).toEqual({ status: "done", progress: 100 });
    expect(settleProgress({ status: "done", progress: 70 }, current).progress).toBe(70);
    expect(settleProgress({ progress: 60 }, current)).toEqual({
      status: "in_progress",
      progress: 60,
    });
  });

  it("bounds fiscal year 2566 by 1 October 2022 and 30 September 2023", () => {
    expect(outsideFiscalYear("d", "2022-10-01", 2566)).toBeUndefined();
    expect(outsideFiscalYear("d", "2023-09-30", 2566)).toBeUndefined();
    expect(outsideFiscalYear("d", "2022-09-30", 2566)?.th).toContain("1 ตุลาคม 2565");
    expect(outsideFiscalYear("d", "2023-10-01", 2566)?.en).toContain("2022-10-01 to 2023-09-30");
  });
});

describe("reminder days", () => {
  it("counts days across months, years and leap days", () => {
    expect(addDays("2023-03-10", 14)).toBe("2023-03-24");
    expect(addDays("2023-12-25", 14)).toBe("2024-01-08");
    expect(addDays("2024-02-20", 14)).toBe("2024-03-05");
    expect(addDays("2023-02-20", 14)).toBe("2023-03-06");
  });

  it("takes the day in Thailand, not in UTC", () => {
    expect(dayIn(THAI_TIME_ZONE, new Date("2023-03-10T16:59:59Z"))).toBe("2023-03-10");
    expect(dayIn(THAI_TIME_ZONE, new Date("2023-03-10T17:00:00Z"))).toBe("2023-03-11");
  });

  it("calls a measure overdue only after its due day", () => {
    expect(reminderKind("2023-03-10", "2023-03-10")).toBe("due_soon");
    expect(reminderKind("2023-03-09", "2023-03-10")).toBe("overdue");
  });
});
