import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { type NationalParams, readNationalParams } from "./national-params.ts";

type Patch = Partial<Record<Exclude<keyof NationalParams, "page">, string | number | null>> & {
  page?: number;
};

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
