import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocumentPool } from "../../documents/bulk/document-pool.ts";
import { docxToText } from "../../documents/test-tools.ts";
import { loadContent } from "../../domain/content/load-content.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Database } from "../db/database.ts";
import { assessments, documents, measures } from "../db/schema.ts";
import { loadSyntheticAgencies } from "../test-bulk-agencies.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import {
  type BulkDocument,
  type BulkProgress,
  generateBulkDocuments,
} from "./generate-bulk-documents.ts";
import type { LoadedAgencyYear } from "./load-agency-year.ts";

const frameworks = loadFrameworks();
const content = loadContent();

describe.each(engines)("generateBulkDocuments on %s", (engine) => {
  let database: Database;
  let loaded: LoadedAgencyYear[];
  let incomplete: LoadedAgencyYear;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    const db = database.db;
    loaded = await loadSyntheticAgencies({ db, frameworks, content, first: 0, count: 4 });
    const [fifth] = await loadSyntheticAgencies({ db, frameworks, content, first: 4, count: 1 });
    if (!fifth) throw new Error("agency 5 was not loaded");
    incomplete = fifth;
    // One agency has a measure without any steps: its document cannot be built yet.
    await db
      .update(measures)
      .set({ steps: [] })
      .where(eq(measures.id, incomplete.measureIds[0] ?? ""));
  });
  afterAll(async () => {
    await database?.close();
  });

  const run = (extra: Partial<Parameters<typeof generateBulkDocuments>[0]> = {}) =>
    generateBulkDocuments({
      db: database.db,
      frameworks,
      fiscalYear: 2566,
      concurrency: 2,
      ...extra,
    });

  /** Stored versions per agency of fiscal year 2566's assessments. */
  const versions = async () => {
    const rows = await database.db
      .select({ agencyId: documents.agencyId, versions: count() })
      .from(documents)
      .innerJoin(
        assessments,
        and(
          eq(assessments.agencyId, documents.agencyId),
          eq(assessments.id, documents.assessmentId),
        ),
      )
      .where(eq(assessments.fiscalYear, 2566))
      .groupBy(documents.agencyId);
    return Object.fromEntries(rows.map((r) => [r.agencyId, r.versions]));
  };

  it("builds and stores every complete agency's document and lists the incomplete one", async () => {
    const seen: BulkProgress[] = [];
    const built: BulkDocument[] = [];
    const report = await run({
      onProgress: (p) => seen.push(p),
      onDocument: async (d) => {
        built.push(d);
      },
    });
    expect(report).toMatchObject({ total: 5, done: 5, built: 4, skipped: 0, incomplete: 1 });
    expect(report.failed).toBe(0);
    expect(await versions()).toEqual(Object.fromEntries(loaded.map((l) => [l.agencyId, 1])));
    const [problem] = report.incompleteAgencies;
    expect(problem).toMatchObject({ agencyId: incomplete.agencyId, code: "DATA_INCOMPLETE" });
    expect(problem?.agencyName).toBe("เทศบาลตำบลตัวอย่างที่ 5");
    expect(problem?.details.map((d) => d.path)).toEqual(["measures.0.steps"]);
    expect(problem?.details[0]?.th).toContain("ขั้นตอน");
    // Progress starts at nothing and counts every agency once, up to the total.
    expect(seen[0]).toMatchObject({ done: 0, total: 5 });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(built.map((d) => d.status)).toEqual(["built", "built", "built", "built"]);
    // What was stored is what the run handed out, and LibreOffice reads it as the agency's document.
    const first = built[0];
    if (!first) throw new Error("no document was built");
    const [stored] = await database.db
      .select({ files: documents.files })
      .from(documents)
      .where(and(eq(documents.agencyId, first.agencyId), eq(documents.version, 1)));
    expect(stored?.files.docx?.size).toBe(first.docx.length);
    expect(await docxToText(first.docx)).toContain(first.agencyName);
  });

  it("builds nothing again when every document is up to date", async () => {
    const handed: BulkDocument[] = [];
    const report = await run({
      onDocument: async (d) => {
        handed.push(d);
      },
    });
    expect(report).toMatchObject({ built: 0, skipped: 4, incomplete: 1, failed: 0 });
    // Already built documents are still handed out from storage, so a folder can be completed.
    expect(
      handed.every((d) => d.status === "skipped" && d.docx.subarray(0, 2).toString() === "PK"),
    ).toBe(true);
    expect(Object.values(await versions())).toEqual([1, 1, 1, 1]);
  });

  it("rebuilds only the agency whose measure changed", async () => {
    const changed = loaded[2];
    if (!changed) throw new Error("agency 3 was not loaded");
    await database.db
      .update(measures)
      .set({ title: "มาตรการที่แก้ไขแล้ว" })
      .where(eq(measures.id, changed.measureIds[0] ?? ""));
    const report = await run();
    expect(report).toMatchObject({ built: 1, skipped: 3, incomplete: 1, failed: 0 });
    expect(await versions()).toEqual(
      Object.fromEntries(loaded.map((l) => [l.agencyId, l === changed ? 2 : 1])),
    );
  });

  it("starts nothing when the signal is already aborted", async () => {
    const report = await run({ digits: "arabic", signal: AbortSignal.abort() });
    expect(report).toMatchObject({ done: 0, total: 5, built: 0, stopped: true });
  });

  it("stops taking agencies once the signal aborts, keeping what it stored", async () => {
    const controller = new AbortController();
    const report = await run({
      digits: "arabic",
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(report.stopped).toBe(true);
    expect(report.done).toBeLessThan(5);
    // Every agency the run finished has its new version; none was half stored.
    const after = await versions();
    const total = Object.values(after).reduce((a, b) => a + b, 0);
    expect(total).toBe(5 + report.built);
  });

  it("reports an agency whose document cannot be rendered and goes on with the others", async () => {
    // Workers that know no framework cannot render any document the data asks for.
    const pool = createDocumentPool(1, { frameworks: new Map() });
    const before = await versions();
    try {
      const report = await run({ digits: "arabic", pool });
      expect(report.done).toBe(5);
      expect(report.failed).toBeGreaterThan(0);
      expect(report.failed + report.skipped).toBe(4);
      expect(report.failedAgencies[0]).toMatchObject({ code: "INPUT_INVALID" });
      expect(report.failedAgencies[0]?.details[0]?.en).toContain("framework");
    } finally {
      await pool.close();
    }
    // Nothing half done: no version was stored for a document that failed.
    expect(await versions()).toEqual(before);
  });
});
