// The national view's plain constants, apart from its Zod schemas so the web page imports no Zod.

export const nationalSorts = ["total-desc", "total-asc"] as const;
export type NationalSort = (typeof nationalSorts)[number];

/** Largest page of the agency list. */
export const NATIONAL_PAGE_SIZE_MAX = 200;
export const NATIONAL_PAGE_SIZE_DEFAULT = 50;
/** Risers and fallers shown against the year before. */
export const NATIONAL_MOVERS = 10;
/** Width in points of each bar of the totals' histogram. */
export const NATIONAL_BIN_WIDTH = 5;
