import type { NationalReference } from "../../domain/content/national-reference.ts";
import type { MasterPlan } from "../../domain/content/schema.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { roundHalfUp } from "../../domain/thai/numerals.ts";
import {
  NATIONAL_BIN_WIDTH,
  NATIONAL_MOVERS,
  type NationalBreakdownRow,
  type NationalOverview,
  type NationalQuery,
} from "../../shared/national.ts";
import type { Db } from "../db/database.ts";
import { type GroupRow, queryNationalOverview } from "./national-overview-query.ts";

const BINS = Math.ceil(100 / NATIONAL_BIN_WIDTH);

/** A group of the breakdowns; null gathers agencies whose province is not in the reference. */
type Group = Omit<GroupRow, "key"> & { key: string | null };

/**
 * How the agencies matching the filters did in a fiscal year against the national target: the
 * figures are aggregated in SQL; only the province → region mapping and the labels happen here.
 */
export async function getNationalOverview({
  db,
  query,
  target,
  reference,
  frameworks,
}: {
  db: Db;
  query: NationalQuery;
  target: Pick<MasterPlan["target"], "passMark" | "shareOfAgencies">;
  reference: NationalReference;
  frameworks: ReadonlyMap<string, Framework>;
}): Promise<NationalOverview> {
  const { fiscalYear, page, pageSize } = query;
  const row = await queryNationalOverview(db, {
    fiscalYear,
    provinces: provincesOf(reference, query.region, query.province),
    type: query.type ?? null,
    namePattern: query.q === undefined ? null : `%${escapeLike(query.q)}%`,
    passMark: target.passMark,
    indicators: indicatorNumbers(frameworks, fiscalYear),
    knownYears: [...new Set([...frameworks.values()].map((f) => f.fiscalYear))],
    binWidth: NATIONAL_BIN_WIDTH,
    bins: BINS,
    movers: NATIONAL_MOVERS,
    sort: query.sort,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const framework = yearFramework(frameworks, fiscalYear, row.frameworkId);
  const rate = row.withResults === 0 ? null : percent(row.passCount, row.withResults);
  const regionOf = new Map(reference.provinces.map((p) => [p.th, p.region]));
  const binCount = new Map(row.bins.map((b) => [b.bin, b.count]));
  const levelCount = new Map(row.levels.map((l) => [l.id, l.count]));
  const indicatorMean = new Map(row.indicators.map((i) => [i.number, i]));
  return {
    fiscalYear,
    previousFiscalYear: fiscalYear - 1,
    target: { passMark: target.passMark, shareOfAgencies: target.shareOfAgencies },
    framework: framework ? { id: framework.id, name: framework.name } : null,
    agencies: { inFilter: row.inFilter, withResults: row.withResults },
    mean: row.sum === null || row.withResults === 0 ? null : roundHalfUp(row.sum / row.withResults),
    pass: {
      count: row.passCount,
      rate,
      // Compared exactly, not through the rounded rate.
      targetMet:
        row.withResults === 0
          ? null
          : row.passCount * 100 >= target.shareOfAgencies * row.withResults,
    },
    histogram: Array.from({ length: BINS }, (_, bin) => ({
      from: bin * NATIONAL_BIN_WIDTH,
      to: Math.min(100, (bin + 1) * NATIONAL_BIN_WIDTH),
      count: binCount.get(bin) ?? 0,
    })),
    levels: [...(framework?.levels ?? [])]
      .sort((a, b) => b.min - a.min)
      .map((level) => ({ id: level.id, min: level.min, count: levelCount.get(level.id) ?? 0 })),
    indicators: (framework?.indicators ?? []).map((indicator) => {
      const found = indicatorMean.get(indicator.number);
      return {
        number: indicator.number,
        tool: indicator.tool,
        name: indicator.name,
        mean: found?.mean == null ? null : roundHalfUp(found.mean),
        count: found?.count ?? 0,
      };
    }),
    byRegion: ranked(regroup(row.provinces, (p) => regionOf.get(p) ?? null)),
    byProvince: ranked(row.provinces.map(breakdown)),
    byType: ranked(row.types.map(breakdown)),
    movers: { risers: row.risers, fallers: row.fallers },
    list: { items: row.items, total: row.listTotal, page, pageSize },
    choices: {
      years: row.years,
      regions: reference.regions,
      provinces: reference.provinces,
      types: reference.types.map(({ th, en, short }) => ({ th, en, short })),
    },
  };
}

/** The provinces a region and a province filter leave; null when neither filters. */
function provincesOf(
  reference: NationalReference,
  region: string | undefined,
  province: string | undefined,
): string[] | null {
  if (region === undefined && province === undefined) return null;
  return reference.provinces
    .filter((p) => (region === undefined || p.region === region) && (province ?? p.th) === p.th)
    .map((p) => p.th);
}

/** The year's framework: the one most of its agencies used, else any framework of that year. */
function yearFramework(
  frameworks: ReadonlyMap<string, Framework>,
  fiscalYear: number,
  used: string | null,
): Framework | undefined {
  const usedFramework = used === null ? undefined : frameworks.get(used);
  if (usedFramework) return usedFramework;
  return [...frameworks.values()]
    .filter((f) => f.fiscalYear === fiscalYear)
    .sort((a, b) => a.id.localeCompare(b.id))[0];
}

/** Every indicator number of the year's frameworks, so the statement averages each in one pass. */
function indicatorNumbers(
  frameworks: ReadonlyMap<string, Framework>,
  fiscalYear: number,
): number[] {
  const numbers = new Set<number>();
  for (const framework of frameworks.values())
    if (framework.fiscalYear === fiscalYear)
      for (const indicator of framework.indicators) numbers.add(indicator.number);
  return [...numbers].sort((a, b) => a - b);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function percent(part: number, whole: number): number {
  return roundHalfUp((part * 100) / whole);
}

function breakdown(group: Group): NationalBreakdownRow {
  return {
    key: group.key,
    count: group.count,
    mean: roundHalfUp(group.sum / group.count),
    passCount: group.passCount,
    passRate: percent(group.passCount, group.count),
  };
}

/** Province groups summed into larger groups (regions); exact sums, rounded once at the end. */
function regroup(rows: GroupRow[], keyOf: (key: string) => string | null): NationalBreakdownRow[] {
  const groups = new Map<string | null, Group>();
  for (const row of rows) {
    const key = keyOf(row.key);
    const group = groups.get(key) ?? { key, count: 0, sum: 0, passCount: 0 };
    group.count += row.count;
    group.sum += row.sum;
    group.passCount += row.passCount;
    groups.set(key, group);
  }
  return [...groups.values()].map(breakdown);
}

/** Highest mean first; ties by name, so the order never depends on the database. */
function ranked(rows: NationalBreakdownRow[]): NationalBreakdownRow[] {
  return rows.sort((a, b) => b.mean - a.mean || (a.key ?? "").localeCompare(b.key ?? "", "th"));
}
