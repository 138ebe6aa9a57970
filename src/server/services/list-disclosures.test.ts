import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPublishedEvidence } from "../../domain/content/published-evidence.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { DisclosureQuery } from "../../shared/disclosure.ts";
import type { Database } from "../db/database.ts";
import { documents, oitChecks, progressReports } from "../db/schema.ts";
import { createTestAssessment } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { createAgency } from "./create-agency.ts";
import { listDisclosures } from "./list-disclosures.ts";

const shipped = loadFrameworks();
const publishedEvidence = loadPublishedEvidence();
const ita2566 = shipped.get("ita-2566") as Framework;

// ita-2566 with the two measures items renumbered and O42's id given to another topic, so only a
// lookup by topic finds the right findings.
const renumbered: Framework = {
  ...ita2566,
  id: "ita-2566-renumbered",
  oit: ita2566.oit.map((sub) => ({
    ...sub,
    items: sub.items.map((item) => {
      if (item.topic === "internal-measures") return { ...item, id: "O50" };
      if (item.topic === "internal-measures-actions") return { ...item, id: "O51" };
      if (item.id === "O1") return { ...item, id: "O42" };
      return item;
    }),
  })),
};
const frameworks = new Map([...shipped, [renumbered.id, renumbered]]);

const at = (iso: string) => new Date(iso);

describe.each(engines)("listDisclosures on %s", (engine) => {
  let database: Database;
  const ids: Record<string, { agencyId: string; assessmentId: string }> = {};

  const list = (query: Partial<DisclosureQuery> = {}) =>
    listDisclosures({
      db: database.db,
      frameworks,
      publishedEvidence,
      query: { fiscalYear: 2566, page: 1, pageSize: 50, ...query },
    });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const { db } = database;
    const agency = async (
      key: string,
      fields: Partial<ReturnType<typeof buildAgency>>,
      frameworkId = "ita-2566",
      fiscalYear = 2566,
    ) => {
      const { id: agencyId } = await createAgency({
        db,
        actor: "test",
        agency: buildAgency(fields),
      });
      const { id: assessmentId } = await createTestAssessment({
        db,
        agencyId,
        fiscalYear,
        frameworkId,
      });
      ids[key] = { agencyId, assessmentId };
      return { agencyId, assessmentId };
    };
    const check = (
      key: string,
      itemId: string,
      status: "pass" | "outdated" | "missing",
      checkedAt: string,
    ) => {
      const target = ids[key] as { agencyId: string; assessmentId: string };
      return db.insert(oitChecks).values({
        ...target,
        itemId,
        status,
        url: status === "missing" ? null : `https://www.${key}.go.th/ita/${itemId}.html`,
        reason: `เหตุผล ${status}`,
        reasonEn: `reason ${status}`,
        checkedAt: at(checkedAt),
      });
    };
    await agency("published", { name: "เทศบาลตำบลก", province: "เชียงราย" });
    await check("published", "O42", "pass", "2023-05-01T02:00:00Z");
    await check("published", "O43", "outdated", "2023-05-01T02:00:01Z");
    const published = ids.published as { agencyId: string; assessmentId: string };
    await db.insert(documents).values({
      ...published,
      kind: "measures",
      version: 1,
      input: {},
      files: {},
      createdBy: "test",
      approvedAt: at("2023-01-10T03:00:00Z"),
      approvedBy: "test",
    });
    await db.insert(progressReports).values({
      ...published,
      kind: "six_month",
      asOf: "2023-03-31",
      summary: "ความก้าวหน้า",
      entries: [],
      updatedBy: "test",
    });
    await agency("silent", { name: "เทศบาลตำบลข", province: "เชียงราย" });
    await check("silent", "O42", "missing", "2023-05-02T02:00:00Z");
    // A draft document is not on the public page.
    await db.insert(documents).values({
      ...(ids.silent as { agencyId: string; assessmentId: string }),
      kind: "measures",
      version: 1,
      input: {},
      files: {},
      createdBy: "test",
    });
    await agency("never", {
      name: "องค์การบริหารส่วนตำบลค",
      province: "น่าน",
      type: "องค์การบริหารส่วนตำบล",
    });
    await agency("renumbered", { name: "เทศบาลตำบลง", province: "น่าน" }, renumbered.id);
    await check("renumbered", "O42", "missing", "2023-05-03T02:00:00Z");
    await check("renumbered", "O50", "pass", "2023-05-03T02:00:01Z");
    await check("renumbered", "O51", "outdated", "2023-05-03T02:00:02Z");
    // Another year of the published agency, on a framework without the two topics.
    await agency("later", { name: "เทศบาลตำบลจ", province: "เชียงราย" }, "ita-2568", 2568);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives each agency's status, address and time of check for both topics", async () => {
    const page = await list();
    expect(page.total).toBe(4);
    const row = (key: string) => page.rows.find((r) => r.agencyId === ids[key]?.agencyId);
    expect(row("published")?.disclosures).toEqual({
      "measures-document": {
        itemId: "O42",
        status: "pass",
        url: "https://www.published.go.th/ita/O42.html",
        checkedAt: "2023-05-01T02:00:00.000Z",
        reason: "เหตุผล pass",
        reasonEn: "reason pass",
        onPublicPage: true,
      },
      "measures-progress": expect.objectContaining({
        itemId: "O43",
        status: "outdated",
        checkedAt: "2023-05-01T02:00:01.000Z",
        onPublicPage: true,
      }),
    });
    expect(row("silent")?.disclosures).toEqual({
      "measures-document": expect.objectContaining({
        status: "missing",
        url: null,
        checkedAt: "2023-05-02T02:00:00.000Z",
        onPublicPage: false,
      }),
      "measures-progress": expect.objectContaining({
        status: "unchecked",
        checkedAt: null,
        onPublicPage: false,
      }),
    });
    expect(row("never")?.disclosures["measures-document"]).toMatchObject({
      itemId: "O42",
      status: "unchecked",
      url: null,
      checkedAt: null,
    });
    // Sorted by province, then name.
    expect(page.rows.map((r) => r.province)).toEqual(["น่าน", "น่าน", "เชียงราย", "เชียงราย"]);
  });

  it("finds the items by topic, whatever the framework numbers them", async () => {
    const row = (await list()).rows.find((r) => r.agencyId === ids.renumbered?.agencyId);
    expect(row?.disclosures["measures-document"]).toMatchObject({ itemId: "O50", status: "pass" });
    expect(row?.disclosures["measures-progress"]).toMatchObject({
      itemId: "O51",
      status: "outdated",
      checkedAt: "2023-05-03T02:00:02.000Z",
    });
    // The shipped lists of two years spell the same topics differently; each is found.
    const items = (id: string) =>
      (shipped.get(id) as Framework).oit
        .flatMap((s) => s.items)
        .filter((i) => publishedEvidence[i.topic])
        .map((i) => i.id);
    expect(items("ita-2565")).toEqual(["o42", "o43"]);
    expect(items("ita-2566")).toEqual(["O42", "O43"]);
  });

  it("leaves a topic out where the year's framework has no such item", async () => {
    const page = await list({ fiscalYear: 2568 });
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]?.disclosures).toEqual({
      "measures-document": null,
      "measures-progress": null,
    });
    expect(Object.values(page.counts["measures-document"]).every((n) => n === 0)).toBe(true);
  });

  it("counts by status under the province and type filters, and filters by status", async () => {
    const all = await list();
    expect(all.counts["measures-document"]).toEqual({
      pass: 2,
      outdated: 0,
      broken: 0,
      orphan: 0,
      missing: 1,
      unchecked: 1,
    });
    expect(all.counts["measures-progress"]).toMatchObject({ outdated: 2, unchecked: 2 });
    const chiangRai = await list({ province: "เชียงราย" });
    expect(chiangRai.total).toBe(2);
    expect(chiangRai.counts["measures-document"]).toMatchObject({ pass: 1, missing: 1 });
    const byType = await list({ type: "องค์การบริหารส่วนตำบล" });
    expect(byType.rows.map((r) => r.agencyId)).toEqual([ids.never?.agencyId]);
    const missing = await list({ status: "missing" });
    expect(missing.rows.map((r) => r.agencyId)).toEqual([ids.silent?.agencyId]);
    // The counts stay those of the whole filtered set, for the summary bar.
    expect(missing.counts).toEqual(all.counts);
    const unchecked = await list({ status: "unchecked" });
    expect(unchecked.total).toBe(2);
  });

  it("pages the rows", async () => {
    const first = await list({ pageSize: 3 });
    const second = await list({ pageSize: 3, page: 2 });
    expect(first.rows).toHaveLength(3);
    expect(second.rows).toHaveLength(1);
    expect(second.total).toBe(4);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.agencyId)).size).toBe(4);
  });
});
