import { describe, expect, it } from "vitest";
import { currentFiscalYear } from "./current-fiscal-year.ts";

describe("currentFiscalYear", () => {
  it("turns over on 1 October in Bangkok, not in UTC", () => {
    expect(currentFiscalYear(new Date("2024-09-30T16:59:59Z"))).toBe(2567);
    // 00:00 on 1 October 2024 in Bangkok.
    expect(currentFiscalYear(new Date("2024-09-30T17:00:00Z"))).toBe(2568);
    expect(currentFiscalYear(new Date("2025-01-15T00:00:00Z"))).toBe(2568);
  });
});
