import { and, asc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import type { PublishedEvidence } from "../../domain/content/published-evidence.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { disclosureItems } from "../../domain/oit/disclosure-items.ts";
import {
  type Disclosure,
  type DisclosureCounts,
  type DisclosurePage,
  type DisclosureQuery,
  type DisclosureRow,
  type DisclosureSource,
  type DisclosureStatus,
  disclosureSources,
  disclosureStatuses,
} from "../../shared/disclosure.ts";
import type { Db } from "../db/database.ts";
import { agencies, assessments, documents, oitChecks, progressReports } from "../db/schema.ts";

type Check = typeof oitChecks.$inferSelect;

/**
 * Each agency's disclosure of its measures document and their progress for a fiscal year: the
 * website checker's latest finding on the items of those topics in the agency's own framework, and
 * whether Prongsai's public page has them; with counts by status for the summary bar.
 */
export async function listDisclosures({
  db,
  frameworks,
  publishedEvidence,
  query,
}: {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  publishedEvidence: PublishedEvidence;
  query: DisclosureQuery;
}): Promise<DisclosurePage> {
  const { fiscalYear, page, pageSize } = query;
  const filters: SQL[] = [eq(assessments.fiscalYear, fiscalYear)];
  if (query.province) filters.push(eq(agencies.province, query.province));
  if (query.type) filters.push(eq(agencies.type, query.type));
  const years = await db
    .select({
      agencyId: agencies.id,
      name: agencies.name,
      type: agencies.type,
      province: agencies.province,
      website: agencies.website,
      assessmentId: assessments.id,
      frameworkId: assessments.frameworkId,
    })
    .from(assessments)
    .innerJoin(agencies, eq(agencies.id, assessments.agencyId))
    .where(and(...filters))
    .orderBy(asc(agencies.province), asc(agencies.name), asc(agencies.id));

  // Each framework's items by source, looked up once per framework, not per agency.
  const itemsOf = new Map<string, ReturnType<typeof disclosureItems>>();
  for (const id of new Set(years.map((y) => y.frameworkId))) {
    const framework = frameworks.get(id);
    if (framework) itemsOf.set(id, disclosureItems(framework, publishedEvidence));
  }
  const itemIds = [...itemsOf.values()].flatMap((items) =>
    disclosureSources.flatMap((s) => items[s]?.id ?? []),
  );
  const checks = await findingsOf(db, fiscalYear, [...new Set(itemIds)]);

  const rows = years.map((year) => {
    const items = itemsOf.get(year.frameworkId);
    const entry = (source: DisclosureSource): Disclosure | null => {
      const item = items?.[source];
      if (!item) return null;
      const check = checks.get(`${year.assessmentId} ${item.id}`);
      return {
        itemId: item.id,
        status: check?.status ?? "unchecked",
        url: check?.url ?? null,
        checkedAt: check?.checkedAt.toISOString() ?? null,
        reason: check?.reason ?? null,
        reasonEn: check?.reasonEn ?? null,
        onPublicPage: false,
      };
    };
    return {
      ...year,
      disclosures: {
        "measures-document": entry("measures-document"),
        "measures-progress": entry("measures-progress"),
      },
    } satisfies DisclosureRow;
  });

  const counts = {
    "measures-document": emptyCounts(),
    "measures-progress": emptyCounts(),
  };
  for (const row of rows)
    for (const source of disclosureSources) {
      const d = row.disclosures[source];
      if (d) counts[source][d.status]++;
    }
  const { status } = query;
  const kept = status
    ? rows.filter((r) => disclosureSources.some((s) => r.disclosures[s]?.status === status))
    : rows;
  const shown = kept.slice((page - 1) * pageSize, page * pageSize);
  await markPublicPage(db, shown);
  return { fiscalYear, total: kept.length, page, pageSize, rows: shown, counts };
}

function emptyCounts(): DisclosureCounts {
  return Object.fromEntries(disclosureStatuses.map((s) => [s, 0])) as Record<
    DisclosureStatus,
    number
  >;
}

/** The checker's findings on the given items in the year's assessments, by assessment and item. */
async function findingsOf(
  db: Db,
  fiscalYear: number,
  itemIds: string[],
): Promise<Map<string, Check>> {
  if (itemIds.length === 0) return new Map();
  const found = await db
    .select({ check: oitChecks })
    .from(oitChecks)
    .innerJoin(
      assessments,
      and(eq(assessments.agencyId, oitChecks.agencyId), eq(assessments.id, oitChecks.assessmentId)),
    )
    .where(and(eq(assessments.fiscalYear, fiscalYear), inArray(oitChecks.itemId, itemIds)));
  return new Map(found.map(({ check }) => [`${check.assessmentId} ${check.itemId}`, check]));
}

/** Marks what Prongsai's public page shows: an approved measures document, a progress report. */
async function markPublicPage(db: Db, rows: DisclosureRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.assessmentId);
  const [approved, reported] = await Promise.all([
    db
      .selectDistinct({ assessmentId: documents.assessmentId })
      .from(documents)
      .where(
        and(
          inArray(documents.assessmentId, ids),
          eq(documents.kind, "measures"),
          isNotNull(documents.approvedAt),
        ),
      ),
    db
      .selectDistinct({ assessmentId: progressReports.assessmentId })
      .from(progressReports)
      .where(inArray(progressReports.assessmentId, ids)),
  ]);
  const hasDocument = new Set(approved.map((r) => r.assessmentId));
  const hasReport = new Set(reported.map((r) => r.assessmentId));
  for (const row of rows) {
    const document = row.disclosures["measures-document"];
    if (document) document.onPublicPage = hasDocument.has(row.assessmentId);
    const progress = row.disclosures["measures-progress"];
    if (progress) progress.onPublicPage = hasReport.has(row.assessmentId);
  }
}
