import type { AgencyType, NationalReference } from "../content/national-reference.ts";
import type { Framework } from "../framework/schema.ts";
import { minimumSample } from "../survey/minimum-sample.ts";
import { surveyTools } from "../survey/survey-form.ts";
import { apportion } from "./apportion.ts";
import { calibrateLevel, expectedOverall } from "./calibrate.ts";
import { placeName } from "./place-names.ts";
import { integerBetween, logistic, normal, type Random, seededUuid } from "./seeded-random.ts";

export interface PlannedAgency {
  id: string;
  name: string;
  type: string;
  province: string;
  district: string;
  website: string;
  headPosition: string;
  divisions: string[];
  staff: number;
}

export interface PlannedAssessment {
  agency: number;
  id: string;
  /** The expected score (0–1) of each indicator: what the synthetic answers and verdicts aim at. */
  quality: Map<number, number>;
  respondents: Record<string, number>;
  populations: Record<string, number>;
}

export interface PlannedYear {
  fiscalYear: number;
  framework: Framework;
  assessments: PlannedAssessment[];
}

export interface NationalPlan {
  agencies: PlannedAgency[];
  years: PlannedYear[];
}

export interface PlanOptions {
  reference: NationalReference;
  /** One framework per fiscal year to generate, oldest first. */
  frameworks: Framework[];
  /** The national mean total (0–100) each year should come near, by fiscal year. */
  nationalMeans: ReadonlyMap<number, number>;
  agencies: number;
  responsesPerYear: number;
  random: Random;
}

// An agency's standing persists from year to year; this much of it moves each year.
const ABILITY = 0.9;
const YEARLY_MOVE = 0.35;
const INDICATOR_SPREAD = 0.35;
const AGENCY_INDICATOR_NOISE = 0.3;

/**
 * Agencies of every kind spread over the provinces, and for each year each agency's expected
 * indicator scores (calibrated so the national mean total comes near the published one) and
 * how many respond to each survey (the framework's minimum sample and some more, scaled so the
 * whole country gives exactly the requested number of responses).
 */
export function planNational(options: PlanOptions): NationalPlan {
  const { reference, random } = options;
  const counts = apportion(
    reference.types.map((t) => t.typicalCount),
    options.agencies,
  );
  const agencies: PlannedAgency[] = [];
  reference.types.forEach((type, t) => {
    for (let k = 0; k < (counts[t] ?? 0); k++)
      agencies.push(planAgency(type, k, agencies.length, options));
  });
  const ability = agencies.map(() => normal(random));
  const first = options.frameworks[0];
  const indicatorOffsets = new Map(
    (first?.indicators ?? []).map((i) => [i.number, INDICATOR_SPREAD * normal(random)]),
  );
  const years = options.frameworks.map((framework) => {
    const target = (options.nationalMeans.get(framework.fiscalYear) ?? 85) / 100;
    const raw = agencies.map((_, a) => {
      const move = YEARLY_MOVE * normal(random);
      return new Map(
        framework.indicators.map((i) => [
          i.number,
          ABILITY * (ability[a] ?? 0) +
            move +
            (indicatorOffsets.get(i.number) ?? 0) +
            AGENCY_INDICATOR_NOISE * normal(random),
        ]),
      );
    });
    const level = calibrateLevel(framework, raw, target);
    const qualities = raw.map(
      (logits) => new Map([...logits].map(([n, x]) => [n, logistic(level + x)])),
    );
    return { framework, qualities };
  });
  const respondents = planRespondents(options, agencies, years);
  return {
    agencies,
    years: years.map(({ framework, qualities }, y) => ({
      fiscalYear: framework.fiscalYear,
      framework,
      assessments: qualities.map((quality, agency) => ({
        agency,
        id: seededUuid(random),
        quality,
        respondents: respondents[y]?.[agency]?.respondents ?? {},
        populations: respondents[y]?.[agency]?.populations ?? {},
      })),
    })),
  };
}

export { expectedOverall };

const LOCAL_DIVISIONS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา"];
const CENTRAL_DIVISIONS = ["สำนักงานเลขานุการ", "กองคลัง", "กองแผนงาน", "กองบริหารทรัพยากรบุคคล"];

function planAgency(
  type: AgencyType,
  k: number,
  n: number,
  { reference, random }: PlanOptions,
): PlannedAgency {
  const outside = reference.provinces.filter((p) => !p.capital);
  const capital = reference.provinces.find((p) => p.capital);
  // At its seat; one per province for the kinds that have one per province; otherwise anywhere.
  const spread = type.typicalCount <= outside.length && type.where === "province" && !type.seat;
  const province =
    type.where === "capital"
      ? capital
      : type.seat
        ? reference.provinces.find((p) => p.th === type.seat)
        : spread
          ? outside[k % outside.length]
          : outside[Math.floor(random() * outside.length)];
  const provinceName = province?.th ?? "";
  const unique = type.typicalCount === 1;
  const name = unique
    ? type.th
    : spread
      ? `${type.th}${provinceName}`
      : `${type.th}${placeName(random)}${type.where === "capital" ? ` ${k + 1}` : ""}`;
  const logMin = Math.log(type.staff.min);
  const logMax = Math.log(type.staff.max);
  return {
    id: seededUuid(random),
    name,
    type: type.th,
    province: provinceName,
    district: type.where === "capital" ? "เขตพระนคร" : `อำเภอ${placeName(random)}`,
    website: `https://agency-${String(n + 1).padStart(5, "0")}.example`,
    headPosition: `หัวหน้า${name}`,
    divisions: type.level === "local" ? LOCAL_DIVISIONS : CENTRAL_DIVISIONS,
    staff: Math.round(Math.exp(logMin + random() * (logMax - logMin))),
  };
}

/**
 * Respondents per agency and tool: the framework's minimum sample of the tool's population and
 * up to 60 % more, then scaled so each year totals exactly the requested number. A tool whose
 * sample rule has a cap samples the public (many times the staff); one without, the staff.
 */
function planRespondents(
  options: PlanOptions,
  agencies: PlannedAgency[],
  years: { framework: Framework }[],
): { respondents: Record<string, number>; populations: Record<string, number> }[][] {
  const { random } = options;
  return years.map(({ framework }) => {
    const tools = surveyTools(framework);
    const cells: { agency: number; tool: string; ideal: number }[] = [];
    const populations = agencies.map((agency) =>
      Object.fromEntries(
        tools.map((tool) => {
          const rule = framework.sampleSize.find((r) => r.tool === tool);
          const multiplier = rule?.cap === undefined ? 1 : integerBetween(random, 10, 40);
          return [tool, agency.staff * multiplier];
        }),
      ),
    );
    agencies.forEach((_, a) => {
      for (const tool of tools) {
        const population = populations[a]?.[tool] ?? 0;
        const minimum = minimumSample(framework, tool, population) ?? 30;
        const ideal = Math.min(population, Math.round(minimum * (1 + 0.6 * random())));
        cells.push({ agency: a, tool, ideal: Math.max(1, ideal) });
      }
    });
    const shares = apportion(
      cells.map((c) => c.ideal),
      options.responsesPerYear,
    );
    const out = agencies.map((_, a) => ({
      respondents: {} as Record<string, number>,
      populations: populations[a] ?? {},
    }));
    cells.forEach((cell, i) => {
      const row = out[cell.agency];
      if (row) row.respondents[cell.tool] = shares[i] ?? 0;
    });
    return out;
  });
}
