import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatThaiDate } from "../../../domain/thai/dates.ts";
import type { DocumentVersion } from "../../../shared/document.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, auditLog, documents } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { type HuaiSakYear, insertHuaiSakYear } from "../../test-year.ts";

// 2 February 2023 in Bangkok (already the 2nd there at 20:00 UTC on the 1st): inside FY 2566.
const now = new Date("2023-02-01T20:00:00Z");
const documentsUrl = (year: HuaiSakYear) =>
  `/api/agencies/${year.agencyId}/assessments/${year.assessmentId}/documents`;

describe.each(engines)("document approval on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let year: HuaiSakYear;
  let head: Browser & { userId: string };
  const versions: DocumentVersion[] = [];
  const generate = async () => {
    const made = await app.inject({
      method: "POST",
      url: documentsUrl(year),
      payload: { kind: "measures", formats: ["html"] },
      ...head,
    });
    expect(made.statusCode, made.body).toBe(201);
    return made.json() as DocumentVersion;
  };
  const approve = (documentId: string, body?: object, as: Browser = head, target = year) =>
    app.inject({
      method: "POST",
      url: `${documentsUrl(target)}/${documentId}/approve`,
      ...(body ? { payload: body } : {}),
      ...as,
    });
  const approvedOn = async (target = year) => {
    const [row] = await database.db
      .select({ approvedOn: assessments.approvedOn })
      .from(assessments)
      .where(
        and(eq(assessments.agencyId, target.agencyId), eq(assessments.id, target.assessmentId)),
      );
    return row?.approvedOn;
  };
  const detail = async (id: string) =>
    (await app.inject({ url: `${documentsUrl(year)}/${id}`, ...head })).json();

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, now: () => now });
    year = await insertHuaiSakYear({ db: database.db });
    head = await signInAs(app, database, [{ agencyId: year.agencyId, role: "agency_admin" }]);
    versions.push(await generate(), await generate());
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("approves only the latest version: an older one is a 409 in Thai and English", async () => {
    const old = await approve(versions[0]?.id ?? "", { approvedOn: "2023-01-15" });
    expect(old.statusCode).toBe(409);
    const { error } = old.json();
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("อนุมัติได้เฉพาะฉบับล่าสุด");
    expect(error.details[0].en).toContain("version 1 is not the latest");
    expect(await approvedOn()).toBeNull();
  });

  it("records the day, prints it in the next version built from the same input, and marks that version approved", async () => {
    const latest = versions[1];
    if (!latest) throw new Error("no version 2");
    const answer = await approve(latest.id, { approvedOn: "2023-01-15" });
    expect(answer.statusCode, answer.body).toBe(201);
    const approved: DocumentVersion = answer.json();
    versions.push(approved);
    expect(approved).toMatchObject({
      version: 3,
      approvedAt: now.toISOString(),
      approvedBy: head.userId,
      createdBy: head.userId,
      options: { digits: "thai" },
    });
    expect(Object.keys(approved.files)).toEqual(["html"]);
    expect(await approvedOn()).toBe("2023-01-15");

    const before = await detail(latest.id);
    const after = await detail(approved.id);
    expect(after.input.approval.date).toBe("2023-01-15");
    expect({ ...after.input, approval: before.input.approval }).toEqual(before.input);
    const html = await app.inject({ url: `${documentsUrl(year)}/${approved.id}/html`, ...head });
    const printed = formatThaiDate({ year: 2023, month: 1, day: 15 }, "thai", { era: true });
    expect(html.body).toContain(printed);
    const unsigned = await app.inject({ url: `${documentsUrl(year)}/${latest.id}/html`, ...head });
    expect(unsigned.body).not.toContain(printed);

    const list: DocumentVersion[] = (await app.inject({ url: documentsUrl(year), ...head })).json();
    expect(list.map((d) => [d.version, d.approvedAt !== null])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
  });

  it("audits the approval day, the new version and its approval in the agency's intact chain", async () => {
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.agencyId, year.agencyId));
    const approvedId = versions[2]?.id;
    const actions = entries
      .sort((a, b) => a.seq - b.seq)
      .slice(-3)
      .map((e) => e.action);
    expect(actions).toEqual(["assessment.approve", "document.generate", "document.approve"]);
    const assessment = entries.find((e) => e.action === "assessment.approve");
    expect(assessment).toMatchObject({
      entityId: year.assessmentId,
      before: { approvedOn: null },
      after: { approvedOn: "2023-01-15" },
    });
    const approval = entries.find((e) => e.action === "document.approve");
    expect(approval).toMatchObject({
      actor: head.userId,
      entity: "document",
      entityId: approvedId,
      after: { version: 3, approvedOn: "2023-01-15", approvedFrom: { version: 2 } },
    });
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses the same approval twice, a day outside the fiscal year, and changes nothing", async () => {
    const count = async () =>
      (await database.db.select().from(documents).where(eq(documents.agencyId, year.agencyId)))
        .length;
    const stored = await count();
    const latest = versions[2]?.id ?? "";
    const twice = await approve(latest, { approvedOn: "2023-01-15" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain("ได้รับอนุมัติเมื่อวันที่ 2023-01-15 แล้ว");
    const outside = await approve(latest, { approvedOn: "2023-10-01" });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details).toEqual([
      expect.objectContaining({ path: "body.approvedOn", en: expect.stringContaining("2566") }),
    ]);
    const malformed = await approve(latest, { approvedOn: "15/01/2566", colour: "red" });
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.approvedOn", "body.colour"]);
    expect(await count()).toBe(stored);
    expect(await approvedOn()).toBe("2023-01-15");
  });

  it("approves on today in Bangkok when no day is given; later generations print the day but are not approved", async () => {
    const answer = await approve(versions[2]?.id ?? "");
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json().version).toBe(4);
    expect(await approvedOn()).toBe("2023-02-02");
    const later = await generate();
    expect(later.approvedAt).toBeNull();
    expect((await detail(later.id)).input.approval.date).toBe("2023-02-02");
  });

  it("is the head's (agency admin's) alone; another agency's document is not found", async () => {
    const latest: DocumentVersion[] = (
      await app.inject({ url: documentsUrl(year), ...head })
    ).json();
    const id = latest[0]?.id ?? "";
    for (const role of ["division_officer", "evaluator", "auditor"] as const) {
      const member = await signInAs(app, database, [
        {
          agencyId: year.agencyId,
          role,
          division: role === "division_officer" ? "กองคลัง" : undefined,
        },
      ]);
      expect((await approve(id, {}, member)).statusCode, role).toBe(403);
    }
    const other = await insertHuaiSakYear({ db: database.db, agency: { name: "เทศบาลอื่น" } });
    const otherHead = await signInAs(app, database, [
      { agencyId: other.agencyId, role: "agency_admin" },
    ]);
    // The other agency's head, under their own agency, asking for this agency's document.
    expect((await approve(id, {}, otherHead, other)).statusCode).toBe(404);
    expect(await approvedOn(other)).toBeNull();
  });
});
