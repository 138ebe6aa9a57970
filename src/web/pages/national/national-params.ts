import {
  NATIONAL_PAGE_SIZE_DEFAULT,
  type NationalSort,
  nationalSorts,
} from "../../../shared/national-options.ts";
import { currentFiscalYear } from "./current-fiscal-year.ts";

// The national view's filters as the address and the API's query string hold them: plain
// functions without React, so the page's early requests can use them before the app loads.

/** Every filter of the national view, read from the address so a link reproduces the view. */
export interface NationalParams {
  fiscalYear: number | null;
  region: string | null;
  province: string | null;
  type: string | null;
  q: string | null;
  sort: NationalSort;
  page: number;
  pageSize: number;
}

function positive(value: string | null): number | null {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 ? n : null;
}

export function readNationalParams(search: URLSearchParams): NationalParams {
  const sort = search.get("sort");
  return {
    fiscalYear: positive(search.get("fiscalYear")),
    region: search.get("region") || null,
    province: search.get("province") || null,
    type: search.get("type") || null,
    q: search.get("q") || null,
    sort: nationalSorts.find((s) => s === sort) ?? "total-desc",
    page: positive(search.get("page")) ?? 1,
    pageSize: positive(search.get("pageSize")) ?? NATIONAL_PAGE_SIZE_DEFAULT,
  };
}

/** The API's query string for the given filters (page 1 and defaults left out). */
export function overviewQuery(params: NationalParams & { fiscalYear: number }): string {
  const query = new URLSearchParams({ fiscalYear: String(params.fiscalYear) });
  for (const key of ["region", "province", "type", "q"] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  if (params.sort !== "total-desc") query.set("sort", params.sort);
  if (params.page > 1) query.set("page", String(params.page));
  if (params.pageSize !== NATIONAL_PAGE_SIZE_DEFAULT)
    query.set("pageSize", String(params.pageSize));
  return query.toString();
}

/** The overview's API address for the given filters. */
export function overviewPath(params: NationalParams & { fiscalYear: number }): string {
  return `/api/national/overview?${overviewQuery(params)}`;
}

/** The filters of a page address with the year settled: this fiscal year unless one is given. */
export function addressParams(
  search: URLSearchParams,
  now: Date,
): NationalParams & { fiscalYear: number } {
  const params = readNationalParams(search);
  return { ...params, fiscalYear: params.fiscalYear ?? currentFiscalYear(now) };
}
