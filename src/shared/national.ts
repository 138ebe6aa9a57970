import { z } from "zod";
import {
  NATIONAL_PAGE_SIZE_DEFAULT,
  NATIONAL_PAGE_SIZE_MAX,
  nationalSorts,
} from "./national-options.ts";

export * from "./national-options.ts";

// The national view: how every agency of a fiscal year does against the national target.

const filterText = (max: number) => z.string().trim().min(1).max(max);

/**
 * The query, with the reference lists the server knows: an unknown region, province or kind of
 * agency is named among every other problem rather than answered with an empty page.
 */
export function nationalQueryWith(choices: {
  regions: readonly string[];
  provinces: readonly string[];
  types: readonly string[];
}) {
  const oneOf = (values: readonly string[], max: number) =>
    values.length > 0 ? z.enum(values as [string, ...string[]]) : filterText(max);
  return z.object({
    fiscalYear: z.coerce.number().int().min(2500).max(2700),
    region: oneOf(choices.regions, 50).optional(),
    province: oneOf(choices.provinces, 100).optional(),
    /** The kind of agency, by its Thai name (`agencies.type`). */
    type: oneOf(choices.types, 200).optional(),
    /** Part of an agency's name. */
    q: filterText(200).optional(),
    sort: z.enum(nationalSorts).default("total-desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(NATIONAL_PAGE_SIZE_MAX)
      .default(NATIONAL_PAGE_SIZE_DEFAULT),
  });
}

export const nationalQuery = nationalQueryWith({ regions: [], provinces: [], types: [] });
export type NationalQuery = z.output<typeof nationalQuery>;

const text = z.object({ th: z.string(), en: z.string() });

/** One group of a breakdown: a region (id), a province or a kind of agency (Thai name). */
const breakdownRow = z.object({
  /** Null for agencies whose province is not in the reference list (regions only). */
  key: z.string().nullable(),
  count: z.number().int(),
  mean: z.number(),
  passCount: z.number().int(),
  /** Per cent of the group scoring the pass mark or more. */
  passRate: z.number(),
});

const mover = z.object({
  agencyId: z.string(),
  name: z.string(),
  type: z.string(),
  province: z.string(),
  total: z.number(),
  previousTotal: z.number(),
  change: z.number(),
});

const listedAgency = z.object({
  agencyId: z.string(),
  name: z.string(),
  type: z.string(),
  province: z.string(),
  total: z.number(),
  level: z.string(),
  previousTotal: z.number().nullable(),
  change: z.number().nullable(),
});

export const nationalOverviewResponse = z.object({
  fiscalYear: z.number().int(),
  previousFiscalYear: z.number().int(),
  target: z.object({ passMark: z.number(), shareOfAgencies: z.number() }),
  /** The framework most of the year's agencies were assessed by; null when none is known. */
  framework: z.object({ id: z.string(), name: text }).nullable(),
  agencies: z.object({
    /** Agencies matching the filters, with a result this year or not. */
    inFilter: z.number().int(),
    withResults: z.number().int(),
  }),
  /** Mean total of the agencies with results; null when none has one. */
  mean: z.number().nullable(),
  pass: z.object({
    count: z.number().int(),
    /** Per cent; null when no agency has a result. */
    rate: z.number().nullable(),
    targetMet: z.boolean().nullable(),
  }),
  /** Bins of NATIONAL_BIN_WIDTH points from 0; the last one includes 100. */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  /** The framework's levels, highest first, with how many agencies reached each. */
  levels: z.array(z.object({ id: z.string(), min: z.number(), count: z.number().int() })),
  /** The national mean of each indicator of the framework. */
  indicators: z.array(
    z.object({
      number: z.number().int(),
      tool: z.string(),
      name: text,
      mean: z.number().nullable(),
      count: z.number().int(),
    }),
  ),
  /** Each ranked by mean, highest first. */
  byRegion: z.array(breakdownRow),
  byProvince: z.array(breakdownRow),
  byType: z.array(breakdownRow),
  movers: z.object({ risers: z.array(mover), fallers: z.array(mover) }),
  list: z.object({
    items: z.array(listedAgency),
    /** Agencies with results matching the name search too. */
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  /** What the filters can choose from. */
  choices: z.object({
    /** Fiscal years with at least one result, newest first. */
    years: z.array(z.number().int()),
    regions: z.array(z.object({ id: z.string(), th: z.string(), en: z.string() })),
    provinces: z.array(z.object({ th: z.string(), en: z.string(), region: z.string() })),
    types: z.array(z.object({ th: z.string(), en: z.string(), short: z.string() })),
  }),
});

export type NationalOverview = z.output<typeof nationalOverviewResponse>;
export type NationalBreakdownRow = z.output<typeof breakdownRow>;
export type NationalMover = z.output<typeof mover>;
export type NationalListedAgency = z.output<typeof listedAgency>;
