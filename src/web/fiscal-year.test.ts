import { describe, expect, it } from "vitest";
import { fiscalYearBounds, insideFiscalYear, sixMonthDay } from "./fiscal-year.ts";

describe("Thai fiscal years in the admin app", () => {
  it("run from 1 October of the year before to 30 September, Buddhist era to Gregorian", () => {
    expect(fiscalYearBounds(2566)).toEqual({ start: "2022-10-01", end: "2023-09-30" });
    expect(sixMonthDay(2566)).toBe("2023-03-31");
  });

  it("include both end days and nothing outside them", () => {
    expect(insideFiscalYear("2022-10-01", 2566)).toBe(true);
    expect(insideFiscalYear("2023-09-30", 2566)).toBe(true);
    expect(insideFiscalYear("2022-09-30", 2566)).toBe(false);
    expect(insideFiscalYear("2023-10-01", 2566)).toBe(false);
  });
});
