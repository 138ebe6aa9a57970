import type { AgencyYearFile } from "../domain/agency-year/schema.ts";

/** An agency as registration takes it; each test makes its own. */
export function buildAgency(
  overrides: Partial<AgencyYearFile["agency"]> = {},
): AgencyYearFile["agency"] {
  return {
    name: "เทศบาลตำบลห้วยสัก",
    type: "เทศบาลตำบล",
    district: "เมืองเชียงราย",
    province: "เชียงราย",
    website: "https://www.huaisak.go.th",
    head: { position: "นายกเทศมนตรีตำบลห้วยสัก" },
    divisions: ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"],
    ...overrides,
  };
}
