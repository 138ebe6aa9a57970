import { describe, expect, it } from "vitest";
import {
  addressParams,
  overviewPath,
  overviewQuery,
  readNationalParams,
} from "./national-params.ts";

describe("the national view's address", () => {
  it("reads every filter, and falls back to the defaults for what is missing or wrong", () => {
    const params = readNationalParams(
      new URLSearchParams(
        "fiscalYear=2567&region=north&type=เทศบาลตำบล&q=ห้วย&sort=total-asc&page=3",
      ),
    );
    expect(params).toEqual({
      fiscalYear: 2567,
      region: "north",
      province: null,
      type: "เทศบาลตำบล",
      q: "ห้วย",
      sort: "total-asc",
      page: 3,
      pageSize: 50,
    });
    const junk = readNationalParams(
      new URLSearchParams("fiscalYear=x&sort=name&page=-2&pageSize=0"),
    );
    expect(junk).toMatchObject({ fiscalYear: null, sort: "total-desc", page: 1, pageSize: 50 });
  });

  it("asks the API for exactly the filters chosen, leaving the defaults out", () => {
    const params = readNationalParams(new URLSearchParams("province=เชียงราย&page=2"));
    const query = new URLSearchParams(overviewQuery({ ...params, fiscalYear: 2566 }));
    expect([...query.entries()]).toEqual([
      ["fiscalYear", "2566"],
      ["province", "เชียงราย"],
      ["page", "2"],
    ]);
  });

  it("settles the year of an address: the one given, else this fiscal year in Bangkok", () => {
    // 1 October 2026 in Bangkok is the first day of fiscal year 2570.
    const now = new Date("2026-09-30T17:30:00Z");
    expect(addressParams(new URLSearchParams("fiscalYear=2567&q=ห้วย"), now)).toMatchObject({
      fiscalYear: 2567,
      q: "ห้วย",
    });
    expect(addressParams(new URLSearchParams(""), now).fiscalYear).toBe(2570);
    expect(overviewPath(addressParams(new URLSearchParams("page=2"), now))).toBe(
      "/api/national/overview?fiscalYear=2570&page=2",
    );
  });
});
