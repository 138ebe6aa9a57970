import { describe, expect, it } from "vitest";
import { fiscalYearOf, fiscalYearRange, formatThaiDate, parseCalendarDate } from "./dates.ts";
import { formatInteger, formatScore, localiseDigits, roundHalfUp } from "./numerals.ts";

describe("numerals", () => {
  it("rounds half-up on the decimal value", () => {
    expect(roundHalfUp(1.005)).toBe(1.01);
    expect(roundHalfUp(78.32999999999)).toBe(78.33);
    expect(roundHalfUp(84.995)).toBe(85);
    expect(roundHalfUp(-2.345)).toBe(-2.35);
  });
  it("prints scores in Thai or Arabic digits", () => {
    expect(formatScore(78.33, "thai")).toBe("๗๘.๓๓");
    expect(formatScore(70, "arabic")).toBe("70.00");
    expect(formatInteger(2566, "thai")).toBe("๒๕๖๖");
    expect(localiseDigits("O23 และ 9.1", "thai")).toBe("O๒๓ และ ๙.๑");
  });
});

describe("dates", () => {
  it("reads both eras and rejects impossible dates", () => {
    expect(parseCalendarDate("2566-03-31")).toEqual({ year: 2023, month: 3, day: 31 });
    expect(parseCalendarDate("2023-03-31")).toEqual({ year: 2023, month: 3, day: 31 });
    expect(parseCalendarDate("2566-02-30")).toBeNull();
    expect(parseCalendarDate("31/03/2566")).toBeNull();
  });
  it("writes Buddhist-era dates with Thai month names", () => {
    const d = { year: 2023, month: 3, day: 31 };
    expect(formatThaiDate(d, "thai")).toBe("๓๑ มีนาคม ๒๕๖๖");
    expect(formatThaiDate(d, "arabic", { era: true })).toBe("31 มีนาคม พ.ศ. 2566");
  });
  it("knows the fiscal year starts in October", () => {
    expect(fiscalYearOf({ year: 2022, month: 10, day: 1 })).toBe(2566);
    expect(fiscalYearOf({ year: 2023, month: 9, day: 30 })).toBe(2566);
    expect(fiscalYearRange(2566).start).toEqual({ year: 2022, month: 10, day: 1 });
  });
});
