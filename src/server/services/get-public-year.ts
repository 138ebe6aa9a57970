import { and, asc, desc, eq, isNotNull, lt } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { levelOf, ratingOf, toolScores } from "../../domain/scoring/overall.ts";
import { thaiIsoDate } from "../../domain/thai/dates.ts";
import { documentFormats } from "../../shared/document.ts";
import {
  measureStatusLabels,
  type PublicYearData,
  progressKindLabels,
  publicPaths,
} from "../../shared/public-page.ts";
import type { Db } from "../db/database.ts";
import {
  agencies,
  assessments,
  documents,
  measures,
  progressReports,
  results,
} from "../db/schema.ts";

type ResultRow = typeof results.$inferSelect;
type Earlier = { fiscalYear: number; frameworkId: string; result: ResultRow };

/**
 * What an agency's public page shows for one fiscal year: only published things — the latest
 * approved document, never a draft — and nothing about who typed what (no user ids or e-mails).
 */
export async function getPublicYear({
  db,
  frameworks,
  agencyId,
  fiscalYear,
  linkBase = "",
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  agencyId: string;
  fiscalYear: number;
  /** Put before every link: the site's public address for data files, "" for pages. */
  linkBase?: string;
}): Promise<PublicYearData> {
  const [agency] = await db
    .select({
      id: agencies.id,
      name: agencies.name,
      nameEn: agencies.nameEn,
      type: agencies.type,
      province: agencies.province,
      district: agencies.district,
      website: agencies.website,
      headName: agencies.headName,
      headPosition: agencies.headPosition,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency) throw agencyNotFound(agencyId);
  const [assessment] = await db
    .select({ id: assessments.id, frameworkId: assessments.frameworkId })
    .from(assessments)
    .where(and(eq(assessments.agencyId, agencyId), eq(assessments.fiscalYear, fiscalYear)));
  if (!assessment)
    throw new DomainError(
      "INPUT_NOT_FOUND",
      `agency ${agencyId} has no fiscal year ${fiscalYear}`,
      {
        userMessage: `ไม่พบข้อมูลปีงบประมาณ ${fiscalYear} ของหน่วยงานนี้`,
      },
    );
  const [years, earlier, measureRows, [document], reports] = await Promise.all([
    db
      .select({ fiscalYear: assessments.fiscalYear })
      .from(assessments)
      .where(eq(assessments.agencyId, agencyId))
      .orderBy(desc(assessments.fiscalYear)),
    // The result these measures analyse is the latest earlier one (ADR 0005), the one before it is "last year".
    db
      .select({
        fiscalYear: assessments.fiscalYear,
        frameworkId: assessments.frameworkId,
        result: results,
      })
      .from(results)
      .innerJoin(
        assessments,
        and(eq(assessments.agencyId, results.agencyId), eq(assessments.id, results.assessmentId)),
      )
      .where(and(eq(results.agencyId, agencyId), lt(assessments.fiscalYear, fiscalYear)))
      .orderBy(desc(assessments.fiscalYear))
      .limit(2),
    db
      .select()
      .from(measures)
      .where(and(eq(measures.agencyId, agencyId), eq(measures.assessmentId, assessment.id)))
      .orderBy(asc(measures.position), asc(measures.createdAt)),
    db
      .select({
        id: documents.id,
        version: documents.version,
        files: documents.files,
        approvedAt: documents.approvedAt,
      })
      .from(documents)
      .where(
        and(
          eq(documents.agencyId, agencyId),
          eq(documents.assessmentId, assessment.id),
          eq(documents.kind, "measures"),
          isNotNull(documents.approvedAt),
        ),
      )
      .orderBy(desc(documents.version))
      .limit(1),
    db
      .select()
      .from(progressReports)
      .where(
        and(
          eq(progressReports.agencyId, agencyId),
          eq(progressReports.assessmentId, assessment.id),
        ),
      )
      .orderBy(asc(progressReports.asOf)),
  ]);
  const link = (path: string) => `${linkBase}${path}`;
  const titles = new Map(measureRows.map((m) => [m.id, m.title]));
  return {
    agency,
    fiscalYear,
    frameworkId: assessment.frameworkId,
    years: years.map((y) => y.fiscalYear),
    result: earlier[0] ? publicResult(earlier[0], earlier[1], frameworks) : null,
    document: document?.approvedAt
      ? {
          id: document.id,
          version: document.version,
          approvedOn: thaiIsoDate(document.approvedAt),
          files: documentFormats.flatMap((format) => {
            const file = document.files[format];
            return file
              ? [
                  {
                    format,
                    size: file.size,
                    url: link(publicPaths.document(agencyId, fiscalYear, document.id, format)),
                  },
                ]
              : [];
          }),
        }
      : null,
    measures: measureRows.map((m) => ({
      id: m.id,
      position: m.position,
      title: m.title,
      responsible: m.responsible,
      indicators: m.indicators,
      oitItems: m.oitItems,
      status: m.status,
      statusLabel: measureStatusLabels[m.status],
      progress: m.progress,
      startDate: m.startDate,
      dueDate: m.dueDate,
    })),
    progressReports: reports.map((r) => ({
      kind: r.kind,
      label: progressKindLabels[r.kind],
      asOf: r.asOf,
      summary: r.summary,
      entries: r.entries.map((e) => ({
        measureId: e.measureId,
        title: titles.get(e.measureId) ?? "",
        // Entries were checked against the statuses when written; the column only says string.
        status: e.status as PublicYearData["measures"][number]["status"],
        progress: e.progress,
        note: e.note,
      })),
    })),
    links: {
      page: link(publicPaths.year(agencyId, fiscalYear)),
      oit: link(publicPaths.oit(agencyId, fiscalYear)),
      json: link(publicPaths.json(agencyId, fiscalYear)),
      csv: link(publicPaths.csv(agencyId, fiscalYear)),
    },
  };
}

export function agencyNotFound(agencyId: string): DomainError {
  return new DomainError("INPUT_NOT_FOUND", `no agency ${agencyId}`, {
    userMessage: "ไม่พบหน่วยงานนี้",
  });
}

function publicResult(
  analysed: Earlier,
  before: Earlier | undefined,
  frameworks: ReadonlyMap<string, Framework>,
): NonNullable<PublicYearData["result"]> {
  const { result } = analysed;
  const framework = frameworks.get(analysed.frameworkId);
  const official = result.officialOverall !== null;
  const overall = result.officialOverall ?? result.computedOverall;
  const scores = new Map(Object.entries(result.indicators).map(([k, v]) => [Number(k), v]));
  // An indicator the framework does not name still shows, by its number.
  const numbers = framework
    ? framework.indicators.map((i) => i.number)
    : [...scores.keys()].sort((a, b) => a - b);
  const complete = framework?.indicators.every((i) => scores.has(i.number)) ?? false;
  return {
    fiscalYear: analysed.fiscalYear,
    frameworkId: analysed.frameworkId,
    overall,
    official,
    level:
      result.officialLevel ??
      (official && framework ? levelOf(framework, overall) : result.computedLevel),
    rating:
      framework && complete
        ? pickLabel(ratingOf(framework, overall, toolScores(framework, scores)))
        : null,
    passMark: framework
      ? (framework.rating?.passMark ?? framework.analysis.targets[0] ?? null)
      : null,
    previous: before
      ? {
          fiscalYear: before.fiscalYear,
          overall: before.result.officialOverall ?? before.result.computedOverall,
          level: before.result.officialLevel ?? before.result.computedLevel,
        }
      : null,
    indicators: numbers.map((number) => {
      const indicator = framework?.indicators.find((i) => i.number === number);
      return {
        number,
        name: indicator
          ? { th: indicator.name.th, en: indicator.name.en }
          : { th: `ตัวชี้วัดที่ ${number}`, en: `indicator ${number}` },
        tool: indicator?.tool ?? "",
        score: scores.get(number) ?? null,
        previous: before?.result.indicators[String(number)] ?? null,
      };
    }),
  };
}

function pickLabel(rating: { th: string; en: string } | null) {
  return rating ? { th: rating.th, en: rating.en } : null;
}
