import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  NATIONAL_PAGE_SIZE_DEFAULT,
  type NationalSort,
  nationalSorts,
} from "../../../shared/national-options.ts";

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

type Patch = Partial<Record<Exclude<keyof NationalParams, "page">, string | number | null>> & {
  page?: number;
};

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

/** The filters and a setter; any change but the page's own goes back to the first page. */
export function useNationalParams(): [
  NationalParams,
  (patch: Patch, options?: { replace?: boolean }) => void,
] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => readNationalParams(search), [search]);
  const update = useCallback(
    (patch: Patch, options: { replace?: boolean } = {}) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch))
            if (value === null || value === undefined || value === "") next.delete(key);
            else next.set(key, String(value));
          if (!("page" in patch) || patch.page === 1) next.delete("page");
          return next;
        },
        { replace: options.replace ?? false },
      ),
    [setSearch],
  );
  return [params, update];
}
