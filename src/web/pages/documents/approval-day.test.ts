import { describe, expect, it } from "vitest";
import { fiscalYearBounds } from "../../fiscal-year.ts";
import { defaultApprovalDay } from "./approval-day.ts";

describe("the approval day", () => {
  it("lies in the Thai fiscal year: 1 October to 30 September", () => {
    expect(fiscalYearBounds(2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
  });

  it("defaults to today inside the year, else to the year's nearest day", () => {
    const year = fiscalYearBounds(2566);
    expect(defaultApprovalDay("2023-01-15", year)).toBe("2023-01-15");
    expect(defaultApprovalDay("2022-10-01", year)).toBe("2022-10-01");
    expect(defaultApprovalDay("2025-06-02", year)).toBe("2023-09-30");
    expect(defaultApprovalDay("2022-09-30", year)).toBe("2022-10-01");
  });
});
