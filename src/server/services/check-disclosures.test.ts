import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPublishedEvidence } from "../../domain/content/published-evidence.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { disclosureItems } from "../../domain/oit/disclosure-items.ts";
import { buildMunicipality, withOrigin } from "../../evidence/test-municipality.ts";
import { type FixtureSite, startFixtureSite } from "../../evidence/test-site.ts";
import type { Database } from "../db/database.ts";
import { assessments, oitCheckArchive, oitCheckRuns, oitChecks } from "../db/schema.ts";
import { createTestAssessment } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { checkDisclosures, type DisclosureCheckProgress } from "./check-disclosures.ts";
import { createAgency } from "./create-agency.ts";
import { listDisclosures } from "./list-disclosures.ts";
import { createSiteChecker } from "./oit-checker.ts";

const frameworks = loadFrameworks();
const framework = frameworks.get("ita-2566") as Framework;
const publishedEvidence = loadPublishedEvidence();
const measuresItem = disclosureItems(framework, publishedEvidence)["measures-document"];
if (!measuresItem) throw new Error("ita-2566 has no measures document item");
const now = () => new Date("2023-06-01T03:00:00Z");

/** A fixture municipality served on 127.0.0.1; `withoutMeasures` leaves the measures document out. */
async function serveMunicipality(name: string, withoutMeasures: boolean): Promise<FixtureSite> {
  const routes = await buildMunicipality({
    framework,
    name,
    variants: withoutMeasures ? { [measuresItem?.id as string]: "missing" } : {},
    pdf: async () => {
      throw new Error("this site has no PDF");
    },
  });
  const site = await startFixtureSite(routes);
  withOrigin(routes, site.url);
  return site;
}

// The real website checker over two local municipality sites, through the bulk check.
describe.each(engines)("checkDisclosures over local sites on %s", (engine) => {
  let database: Database;
  let publishing: FixtureSite;
  let silent: FixtureSite;
  const agencyIds: Record<string, string> = {};

  beforeAll(async () => {
    publishing = await serveMunicipality("เทศบาลตำบลเผยแพร่", false);
    silent = await serveMunicipality("เทศบาลตำบลเงียบ", true);
    database = await freshDatabase(engine);
    const agency = async (key: string, website: string, province: string) => {
      const { id } = await createAgency({
        db: database.db,
        actor: "test",
        agency: buildAgency({ name: key, website, province }),
      });
      await createTestAssessment({ db: database.db, agencyId: id });
      agencyIds[key] = id;
    };
    await agency("publishing", publishing.url, "เชียงราย");
    await agency("silent", silent.url, "เชียงราย");
    // Another province, left out by the filter: its site does not even exist.
    await agency("elsewhere", "http://127.0.0.1:9/", "น่าน");
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await publishing?.close();
    await silent?.close();
  });

  const run = (progress: DisclosureCheckProgress[] = [], province = "เชียงราย") =>
    checkDisclosures({
      db: database.db,
      frameworks,
      checker: createSiteChecker(),
      fiscalYear: 2566,
      province,
      concurrency: 2,
      sinceHours: 24,
      actor: "test",
      now,
      allowPrivate: true,
      onProgress: (p) => progress.push(p),
    });

  it("checks each site and shows pass for the one that publishes, missing for the other", async () => {
    const progress: DisclosureCheckProgress[] = [];
    const summary = await run(progress);
    expect(summary).toEqual({
      total: 2,
      counts: { checked: 2, failed: 0, recent: 0, busy: 0, "no-website": 0 },
      failures: [],
    });
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
    const page = await listDisclosures({
      db: database.db,
      frameworks,
      publishedEvidence,
      query: { fiscalYear: 2566, province: "เชียงราย", page: 1, pageSize: 50 },
    });
    const row = (key: string) => page.rows.find((r) => r.agencyId === agencyIds[key]);
    expect(row("publishing")?.disclosures["measures-document"]).toMatchObject({
      itemId: measuresItem.id,
      status: "pass",
      checkedAt: now().toISOString(),
    });
    expect(row("publishing")?.disclosures["measures-document"]?.url).toContain(publishing.url);
    expect(row("silent")?.disclosures["measures-document"]).toMatchObject({
      status: "missing",
      url: null,
      checkedAt: now().toISOString(),
    });
    expect(row("silent")?.disclosures["measures-document"]?.reason).toMatch(/[ก-๙]/);
    expect(page.counts["measures-document"]).toMatchObject({ pass: 1, missing: 1 });
    // Through the OIT page's own runs: each agency's run is done, with what it read archived.
    for (const key of ["publishing", "silent"]) {
      const agencyId = agencyIds[key] as string;
      const runs = await database.db
        .select()
        .from(oitCheckRuns)
        .where(eq(oitCheckRuns.agencyId, agencyId));
      expect(runs.map((r) => r.status)).toEqual(["done"]);
      const archive = await database.db
        .select()
        .from(oitCheckArchive)
        .where(eq(oitCheckArchive.agencyId, agencyId));
      expect(archive.length).toBeGreaterThan(10);
    }
    const elsewhere = await database.db
      .select()
      .from(oitCheckRuns)
      .where(eq(oitCheckRuns.agencyId, agencyIds.elsewhere as string));
    expect(elsewhere).toEqual([]);
  }, 180_000);

  it("skips agencies checked within the last hours, so a stopped run resumes", async () => {
    const summary = await run();
    expect(summary.counts).toEqual({ checked: 0, failed: 0, recent: 2, busy: 0, "no-website": 0 });
    const runs = await database.db.select().from(oitCheckRuns);
    expect(runs).toHaveLength(2);
  });

  it("checks again an agency whose last finding is older than the window", async () => {
    const agencyId = agencyIds.elsewhere as string;
    const [assessment] = await database.db
      .select()
      .from(assessments)
      .where(eq(assessments.agencyId, agencyId));
    await database.db.insert(oitChecks).values({
      agencyId,
      assessmentId: assessment?.id as string,
      itemId: measuresItem.id,
      status: "pass",
      url: "http://127.0.0.1:9/ita/measures.html",
      reason: "พบ",
      reasonEn: "found",
      checkedAt: new Date(now().getTime() - 25 * 3_600_000),
    });
    const first = await run([], "น่าน");
    expect(first.counts.recent).toBe(0);
    expect(first.counts.checked + first.counts.failed).toBe(1);
    const runs = await database.db
      .select()
      .from(oitCheckRuns)
      .where(eq(oitCheckRuns.agencyId, agencyId));
    expect(runs).toHaveLength(1);
    expect(runs[0]?.status).not.toBe("running");
  }, 60_000);
});
