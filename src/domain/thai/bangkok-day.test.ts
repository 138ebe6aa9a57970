import { describe, expect, it } from "vitest";
import { bangkokDay } from "./bangkok-day.ts";

describe("bangkokDay", () => {
  it("turns the date over at midnight in Bangkok (UTC+7), not at midnight UTC", () => {
    expect(bangkokDay(new Date("2026-03-30T16:59:59Z"))).toBe("2026-03-30");
    expect(bangkokDay(new Date("2026-03-30T17:00:00Z"))).toBe("2026-03-31");
  });
});
