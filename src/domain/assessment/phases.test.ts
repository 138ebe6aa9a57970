import { describe, expect, it } from "vitest";
import { buildFramework } from "../test-factories.ts";
import { thaiIsoDate } from "../thai/dates.ts";
import { phasesOn } from "./phases.ts";

const window = (id: string, start: string, end: string) => ({
  id,
  name: { th: id, en: id },
  start,
  end,
});

describe("phases", () => {
  const framework = buildFramework({
    windows: [
      window("survey-collection", "2023-01-01", "2023-06-30"),
      window("register", "2023-01-01", "2023-02-28"),
      window("announce", "2023-08-01", "2023-08-01"),
    ],
  });

  it("marks each window past, current or upcoming, ends inclusive, and names the narrowest open one", () => {
    const on = (day: string) => phasesOn(framework, day);
    expect(on("2022-12-31").phases.map((p) => p.status)).toEqual([
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    expect(on("2023-01-01").currentPhaseId).toBe("register");
    expect(on("2023-02-28").phases.map((p) => p.status)).toEqual([
      "current",
      "current",
      "upcoming",
    ]);
    expect(on("2023-03-01").currentPhaseId).toBe("survey-collection");
    expect(on("2023-07-01").currentPhaseId).toBeNull();
    expect(on("2023-08-01").currentPhaseId).toBe("announce");
    expect(on("2023-08-02").phases.map((p) => p.status)).toEqual(["past", "past", "past"]);
  });

  it("takes the day as it is in Thailand", () => {
    expect(thaiIsoDate(new Date("2023-02-28T16:59:59Z"))).toBe("2023-02-28");
    expect(thaiIsoDate(new Date("2023-02-28T17:00:00Z"))).toBe("2023-03-01");
  });
});
