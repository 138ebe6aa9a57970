import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IssueDetail } from "../../../domain/errors.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { blobs, documents } from "../../db/schema.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { type HuaiSakYear, huaiSakExample, insertHuaiSakYear } from "../../test-year.ts";

// Who may generate and read documents, whose documents they reach, and what a document needs first.

const documentsUrl = (year: Pick<HuaiSakYear, "agencyId" | "assessmentId">) =>
  `/api/agencies/${year.agencyId}/assessments/${year.assessmentId}/documents`;

describe.each(engines)("document access on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: HuaiSakYear;
  let b: HuaiSakYear;
  let coordinatorA: Browser;
  let docA: string;
  let docB: string;
  const generate = (year: HuaiSakYear, as: Browser) =>
    app.inject({
      method: "POST",
      url: documentsUrl(year),
      payload: { kind: "measures", formats: ["html"] },
      ...as,
    });
  const stored = async (agencyId: string) => {
    const [docs] = await database.db
      .select({ n: count() })
      .from(documents)
      .where(eq(documents.agencyId, agencyId));
    const [files] = await database.db
      .select({ n: count() })
      .from(blobs)
      .where(eq(blobs.agencyId, agencyId));
    return (docs?.n ?? 0) + (files?.n ?? 0);
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    a = await insertHuaiSakYear({ db: database.db });
    b = await insertHuaiSakYear({ db: database.db, agency: { name: "เทศบาลตำบลบี" } });
    coordinatorA = await signInAs(app, database, [{ agencyId: a.agencyId, role: "agency_admin" }]);
    const coordinatorB = await signInAs(app, database, [
      { agencyId: b.agencyId, role: "agency_admin" },
    ]);
    docA = (await generate(a, coordinatorA)).json().id;
    docB = (await generate(b, coordinatorB)).json().id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("refuses generation to roles without document.generate, and strangers", async () => {
    for (const role of ["division_officer", "evaluator", "auditor"] as const) {
      const person = await signInAs(app, database, [
        { agencyId: a.agencyId, role, division: "กองคลัง" },
      ]);
      const answer = await generate(a, person);
      expect(answer.statusCode, role).toBe(403);
      expect(answer.json().error.message).toBe("บทบาทของคุณในหน่วยงานนี้ทำรายการนี้ไม่ได้");
    }
    expect((await app.inject({ url: documentsUrl(a) })).statusCode).toBe(401);
  });

  it("lets an auditor list, read and download", async () => {
    const auditor = await signInAs(app, database, [{ agencyId: a.agencyId, role: "auditor" }]);
    const list = await app.inject({ url: documentsUrl(a), ...auditor });
    expect(list.json().map((d: { id: string }) => d.id)).toEqual([docA]);
    const detail = await app.inject({ url: `${documentsUrl(a)}/${docA}`, ...auditor });
    expect(detail.json().input.agency.name).toBe("เทศบาลตำบลห้วยสัก");
    const file = await app.inject({ url: `${documentsUrl(a)}/${docA}/html`, ...auditor });
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain("เทศบาลตำบลห้วยสัก");
  });

  it("answers 404 for another agency's document or assessment under one's own agency", async () => {
    for (const url of [
      `${documentsUrl(a)}/${docB}`,
      `${documentsUrl(a)}/${docB}/html`,
      documentsUrl({ agencyId: a.agencyId, assessmentId: b.assessmentId }),
    ]) {
      const answer = await app.inject({ url, ...coordinatorA });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body).not.toContain("เทศบาลตำบลบี");
    }
    const elsewhere = await app.inject({
      method: "POST",
      url: documentsUrl({ agencyId: a.agencyId, assessmentId: b.assessmentId }),
      payload: { kind: "measures", formats: ["html"] },
      ...coordinatorA,
    });
    expect(elsewhere.statusCode).toBe(404);
    const theirs = await app.inject({ url: `${documentsUrl(b)}/${docB}`, ...coordinatorA });
    expect(theirs.statusCode).toBe(403);
  });

  it("says what to add first when there is no earlier result and no measure, storing nothing", async () => {
    const empty = await insertHuaiSakYear({
      db: database.db,
      agency: { name: "เทศบาลตำบลว่าง" },
      result: false,
      measures: [],
    });
    const coordinator = await signInAs(app, database, [
      { agencyId: empty.agencyId, role: "agency_admin" },
    ]);
    const answer = await generate(empty, coordinator);
    expect(answer.statusCode).toBe(422);
    const { code, message, details } = answer.json().error;
    expect(code).toBe("DATA_INCOMPLETE");
    expect(message).toContain("ยังสร้างเอกสารไม่ได้");
    expect(details.map((d: IssueDetail) => d.path)).toEqual(["results", "measures"]);
    expect(details[0].th).toContain("ผลการประเมิน ITA");
    expect(details[0].en).toContain("enter or import the 2565 result first");
    expect(details[1].th).toContain("เพิ่มมาตรการ");
    expect(details[1].en).toContain("add at least one measure");
    expect(await stored(empty.agencyId)).toBe(0);
  });

  it("names the measure that lacks monitoring or has a date outside the year", async () => {
    const [one, two] = huaiSakExample().measures;
    if (!one || !two) throw new Error("the example has measures");
    const partial = await insertHuaiSakYear({
      db: database.db,
      agency: { name: "เทศบาลตำบลครึ่งทาง" },
      measures: [{ ...one, monitoring: [] }, two],
    });
    const coordinator = await signInAs(app, database, [
      { agencyId: partial.agencyId, role: "agency_admin" },
    ]);
    const missing = (await generate(partial, coordinator)).json().error.details;
    expect(missing).toEqual([
      {
        path: "measures.0.monitoring",
        th: `มาตรการ "${one.title}" ยังไม่มีกำหนดการติดตามผล (วันที่และกิจกรรม) ให้เพิ่มก่อน`,
        en: `measure "${one.title}" has no monitoring dates and activities: add them first`,
      },
    ]);
    const outside = await insertHuaiSakYear({
      db: database.db,
      agency: { name: "เทศบาลตำบลผิดปี" },
      measures: [{ ...one, monitoring: [{ date: "2567-03-31", activity: "รายงาน" }] }],
    });
    const other = await signInAs(app, database, [
      { agencyId: outside.agencyId, role: "agency_admin" },
    ]);
    const answer = await generate(outside, other);
    expect(answer.statusCode).toBe(422);
    const [detail] = answer.json().error.details;
    expect(detail.path).toBe("measures.0.monitoring.0.date");
    expect(detail.th).toContain(`มาตรการ "${one.title}"`);
    expect(detail.en).toContain("outside fiscal year 2566");
    expect(await stored(partial.agencyId)).toBe(0);
    expect(await stored(outside.agencyId)).toBe(0);
  });
});
