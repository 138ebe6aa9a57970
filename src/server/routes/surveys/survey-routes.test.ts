import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { surveyGroups } from "../../../domain/survey/survey-form.ts";
import type { SurveyListResponse, SurveyResultsResponse } from "../../../shared/survey.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import {
  auditLog,
  NATIONAL_SCOPE,
  surveyCodes,
  surveyResponses,
  surveys,
} from "../../db/schema.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const framework = loadFrameworks().get("ita-2566");
if (!framework) throw new Error("no ita-2566");

/** Every item of a tool answered with its scale's most favourable option. */
function fullAnswers(tool: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const group of surveyGroups(framework as NonNullable<typeof framework>, tool))
    for (const { scale, itemIds } of group.questions)
      for (const id of itemIds) answers[id] = scale.options.at(-1)?.id ?? "";
  return answers;
}

// Inside ita-2566's collection window (2023-01-01 to 2023-06-30), Bangkok morning.
const DURING = new Date("2023-03-01T03:00:00Z");
const AFTER = new Date("2023-07-02T03:00:00Z");

describe.each(engines)("survey routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let scope: Awaited<ReturnType<typeof createTwoAgencyYears>>;
  let coordinator: Browser;
  let evaluator: Browser;
  let auditor: Browser;
  let otherAdmin: Browser;
  let national: Browser;
  let clock = DURING;
  const url = (path = "", assessmentId = scope.assessmentA, agencyId = scope.a) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/surveys${path}`;
  const list = async (as: Browser = coordinator) => {
    const response = await app.inject({ url: url(), ...as });
    expect(response.statusCode).toBe(200);
    return response.json() as SurveyListResponse;
  };
  const survey = async (tool: string) => {
    const found = (await list()).surveys.find((s) => s.tool === tool);
    if (!found) throw new Error(`no ${tool}`);
    return found;
  };
  const audits = (action: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, scope.a), eq(auditLog.action, action)));

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", PUBLIC_URL: "https://ita.example.go.th" },
      database,
      now: () => clock,
    });
    scope = await createTwoAgencyYears(database.db);
    coordinator = await signInAs(app, database, [{ agencyId: scope.a, role: "agency_admin" }]);
    evaluator = await signInAs(app, database, [{ agencyId: scope.a, role: "evaluator" }]);
    auditor = await signInAs(app, database, [{ agencyId: scope.a, role: "auditor" }]);
    otherAdmin = await signInAs(app, database, [{ agencyId: scope.b, role: "agency_admin" }]);
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists each survey tool with its link, window and no gap until the population is known", async () => {
    const body = await list(auditor);
    expect(body.today).toBe("2023-03-01");
    expect(body.surveys.map((s) => s.tool)).toEqual(["IIT", "EIT"]);
    const [iit, eit] = body.surveys;
    expect(iit).toMatchObject({
      name: { th: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน" },
      access: "code",
      opensOn: "2023-01-01",
      closesOn: "2023-06-30",
      openToday: true,
      window: { start: "2023-01-01", end: "2023-06-30" },
      population: null,
      minimumSample: null,
      responses: 0,
      gap: null,
      codes: { printed: 0, used: 0, batches: [] },
    });
    expect(iit?.link).toMatch(/^https:\/\/ita\.example\.go\.th\/go\/iit\/[a-z2-9]{12}$/);
    expect(eit?.access).toBe("open");
    // The rows are made once: the links stay the same on the next read.
    expect((await list()).surveys[0]?.link).toBe(iit?.link);
  });

  it("sets the population, access and days, audited; the minimum and the gap follow the framework", async () => {
    const response = await app.inject({
      method: "PUT",
      url: url("/iit"),
      ...coordinator,
      payload: { population: 120, access: "code", opensOn: "2023-02-01", closesOn: "2023-05-31" },
    });
    expect(response.statusCode).toBe(204);
    expect(await survey("IIT")).toMatchObject({
      population: 120,
      minimumSample: 30,
      gap: 30,
      opensOn: "2023-02-01",
      closesOn: "2023-05-31",
    });
    const [entry] = await audits("survey.update");
    expect(entry?.before).toMatchObject({ population: null, opensOn: "2023-01-01" });
    expect(entry?.after).toMatchObject({ population: 120, closesOn: "2023-05-31" });
    // EIT's cap: ten per cent of 9,000 is more than the 400 the framework asks for at most.
    await app.inject({
      method: "PUT",
      url: url("/EIT"),
      ...coordinator,
      payload: { population: 9000, access: "open", opensOn: "2023-01-01", closesOn: "2023-06-30" },
    });
    expect((await survey("EIT")).minimumSample).toBe(400);
  });

  it("refuses bad settings listing every problem in Thai and English, and changes nothing", async () => {
    const before = await survey("IIT");
    const badNumber = await app.inject({
      method: "PUT",
      url: url("/IIT"),
      ...coordinator,
      payload: { population: -1, access: "letter", opensOn: "2023-02-01", closesOn: "2023-05-31" },
    });
    expect(badNumber.statusCode).toBe(400);
    const numberDetails = badNumber.json().error.details as { path: string; th: string }[];
    expect(numberDetails.map((d) => d.path).sort()).toEqual(["body.access", "body.population"]);
    expect(numberDetails.find((d) => d.path === "body.population")?.th).toMatch(/ไม่น้อยกว่า 0/);
    const fraction = await app.inject({
      method: "PUT",
      url: url("/IIT"),
      ...coordinator,
      payload: { population: 1.5, access: "code", opensOn: "2023-02-01", closesOn: "2023-05-31" },
    });
    expect(fraction.statusCode).toBe(400);
    const badDays = await app.inject({
      method: "PUT",
      url: url("/IIT"),
      ...coordinator,
      payload: { population: 50, access: "open", opensOn: "2022-12-01", closesOn: "2023-07-15" },
    });
    expect(badDays.statusCode).toBe(400);
    const dayDetails = badDays.json().error.details as { path: string; th: string; en: string }[];
    expect(dayDetails.map((d) => d.path)).toEqual(["opensOn", "closesOn"]);
    expect(dayDetails[0]?.th).toContain("นอกช่วงเก็บข้อมูล");
    const reversed = await app.inject({
      method: "PUT",
      url: url("/IIT"),
      ...coordinator,
      payload: { population: 50, access: "open", opensOn: "2023-05-01", closesOn: "2023-04-01" },
    });
    expect(reversed.json().error.details).toEqual([
      expect.objectContaining({ path: "closesOn", th: expect.stringContaining("ต้องไม่ก่อน") }),
    ]);
    expect(await survey("IIT")).toEqual(before);
  });

  it("keeps days set earlier outside the window while the population changes", async () => {
    const where = and(
      eq(surveys.agencyId, scope.a),
      eq(surveys.assessmentId, scope.assessmentA),
      eq(surveys.tool, "EIT"),
    );
    await database.db
      .update(surveys)
      .set({ opensOn: "2026-12-01", closesOn: "2027-01-30" })
      .where(where);
    const kept = await app.inject({
      method: "PUT",
      url: url("/EIT"),
      ...coordinator,
      payload: { population: 400, access: "open", opensOn: "2026-12-01", closesOn: "2027-01-30" },
    });
    expect(kept.statusCode, kept.body).toBe(204);
    expect(await survey("EIT")).toMatchObject({ population: 400, closesOn: "2027-01-30" });
    // Moving a day still has to land inside the framework's window.
    const moved = await app.inject({
      method: "PUT",
      url: url("/EIT"),
      ...coordinator,
      payload: { population: 400, access: "open", opensOn: "2026-12-01", closesOn: "2027-02-28" },
    });
    expect(moved.json().error.details.map((d: { path: string }) => d.path)).toEqual(["closesOn"]);
    await database.db
      .update(surveys)
      .set({ opensOn: "2023-01-01", closesOn: "2023-06-30" })
      .where(where);
  });

  it("keeps each agency to its own surveys", async () => {
    const foreign = await app.inject({ url: url(), ...otherAdmin });
    expect(foreign.statusCode).toBe(403);
    // Agency B's assessment id under agency A's address is not found there.
    const mixed = await app.inject({ url: url("", scope.assessmentB), ...coordinator });
    expect(mixed.statusCode).toBe(404);
    const write = await app.inject({
      method: "POST",
      url: url("/IIT/codes"),
      ...otherAdmin,
      payload: { count: 5 },
    });
    expect(write.statusCode).toBe(403);
    const oit = await app.inject({
      method: "PUT",
      url: url("/OIT"),
      ...coordinator,
      payload: { population: 5, access: "open", opensOn: "2023-02-01", closesOn: "2023-05-31" },
    });
    expect(oit.statusCode).toBe(404);
    const badId = await app.inject({ url: url("", "not-a-uuid"), ...coordinator });
    expect(badId.statusCode).toBe(400);
    // An evaluator judges the collection but does not run it.
    const setByEvaluator = await app.inject({
      method: "PUT",
      url: url("/IIT"),
      ...evaluator,
      payload: { population: 5, access: "open", opensOn: "2023-02-01", closesOn: "2023-05-31" },
    });
    expect(setByEvaluator.statusCode).toBe(403);
  });

  it("makes unique single-use codes in numbered batches, audited as a count only", async () => {
    const first = await app.inject({
      method: "POST",
      url: url("/IIT/codes"),
      ...coordinator,
      payload: { count: 10 },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ tool: "IIT", batch: 1, count: 10 });
    const second = await app.inject({
      method: "POST",
      url: url("/IIT/codes"),
      ...coordinator,
      payload: { count: 25 },
    });
    expect(second.json()).toMatchObject({ batch: 2, count: 25 });
    for (const count of [0, 2001, 2.5])
      expect(
        (
          await app.inject({
            method: "POST",
            url: url("/IIT/codes"),
            ...coordinator,
            payload: { count },
          })
        ).statusCode,
      ).toBe(400);
    const codes = await database.db
      .select()
      .from(surveyCodes)
      .where(
        and(eq(surveyCodes.agencyId, scope.a), eq(surveyCodes.assessmentId, scope.assessmentA)),
      );
    expect(codes).toHaveLength(35);
    expect(new Set(codes.map((c) => c.code)).size).toBe(35);
    for (const c of codes) expect(c.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect((await survey("IIT")).codes).toEqual({
      printed: 35,
      used: 0,
      batches: [
        { batch: 1, printed: 10, used: 0 },
        { batch: 2, printed: 25, used: 0 },
      ],
    });
    const entries = await audits("survey.codes_generate");
    expect(entries.map((e) => e.after)).toEqual([
      { tool: "IIT", count: 10 },
      { tool: "IIT", count: 25 },
    ]);
    const written = JSON.stringify(await database.db.select().from(auditLog));
    for (const c of codes) expect(written).not.toContain(c.code);
  });

  it("prints a batch's cards and the poster as real PDFs with the agency and the codes", async () => {
    const cards = await app.inject({ url: url("/IIT/codes.pdf?batch=1"), ...coordinator });
    expect(cards.statusCode).toBe(200);
    expect(cards.headers["content-type"]).toBe("application/pdf");
    expect(cards.headers["content-disposition"]).toContain("codes-IIT-1.pdf");
    expect(cards.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const poster = await app.inject({ url: url("/iit/poster.pdf"), ...auditor });
    expect(poster.statusCode).toBe(200);
    expect(poster.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const missing = await app.inject({ url: url("/IIT/codes.pdf?batch=9"), ...coordinator });
    expect(missing.statusCode).toBe(404);
    // Only the coordinator prints codes; anyone in the agency may print the poster.
    const byAuditor = await app.inject({ url: url("/IIT/codes.pdf?batch=1"), ...auditor });
    expect(byAuditor.statusCode).toBe(403);
    const { pdfToText } = await import("../../../documents/test-tools.ts");
    const [batch] = await database.db
      .select({ code: surveyCodes.code })
      .from(surveyCodes)
      .where(and(eq(surveyCodes.agencyId, scope.a), eq(surveyCodes.batch, 1)))
      .orderBy(surveyCodes.code)
      .limit(1);
    const cardText = await pdfToText(cards.rawPayload, { layout: false });
    expect(cardText).toContain("เทศบาลตำบลเอ");
    expect(cardText).toContain(batch?.code);
    const posterText = await pdfToText(poster.rawPayload, { layout: false });
    expect(posterText).toContain("เทศบาลตำบลเอ");
    expect(posterText).toContain("ขอเชิญร่วมตอบแบบสำรวจ");
  });

  it("stores a telephone interview once per key, channel phone, audited against the assessment", async () => {
    const answers = fullAnswers("EIT");
    const key = randomUUID();
    const send = (as: Browser, body: Record<string, unknown>) =>
      app.inject({ method: "POST", url: url("/EIT/phone"), ...as, payload: body });
    const first = await send(evaluator, { answers, idempotencyKey: key });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ outcome: "stored" });
    const again = await send(evaluator, { answers, idempotencyKey: key });
    expect(again.json()).toEqual({ outcome: "already_stored" });
    expect((await send(coordinator, { answers, idempotencyKey: randomUUID() })).statusCode).toBe(
      403,
    );
    const [firstItem, ...rest] = Object.keys(answers);
    const partial = Object.fromEntries(rest.map((id) => [id, answers[id] as string]));
    const invalid = await send(evaluator, {
      answers: { ...partial, [rest[0] as string]: "nonsense", zz9: "yes" },
      idempotencyKey: randomUUID(),
    });
    expect(invalid.statusCode).toBe(400);
    expect((invalid.json().error.details as { path: string }[]).map((d) => d.path).sort()).toEqual(
      [firstItem, rest[0], "zz9"].sort(),
    );
    const rows = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.agencyId, scope.a));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tool: "EIT", channel: "phone", submittedOn: "2023-03-01" });
    const entries = await audits("survey.phone_entry");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entity: "assessment",
      entityId: scope.assessmentA,
      after: { tool: "EIT" },
    });
    expect(JSON.stringify(entries)).not.toContain(rows[0]?.id);
    expect((await survey("EIT")).responses).toBe(1);
  });

  it("hides scores from the agency while collecting, shows them to evaluators, and to all after", async () => {
    clock = DURING;
    for (const as of [coordinator, auditor]) {
      const refused = await app.inject({ url: url("/results"), ...as });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.message).toContain("เพื่อไม่ให้ผู้ตอบถูกกดดัน");
    }
    // Counts stay visible to the agency meanwhile.
    expect((await survey("EIT")).responses).toBe(1);
    for (const as of [evaluator, national]) {
      const seen = await app.inject({ url: url("/results"), ...as });
      expect(seen.statusCode).toBe(200);
    }
    clock = AFTER;
    // Sessions end with time: sign in again once collection has closed.
    const late = await signInAs(app, database, [{ agencyId: scope.a, role: "agency_admin" }]);
    const after = await app.inject({ url: url("/results"), ...late });
    expect(after.statusCode).toBe(200);
    const body = after.json() as SurveyResultsResponse;
    const eit = body.tools.find((t) => t.tool === "EIT");
    expect(eit?.respondents).toBe(1);
    expect(eit?.indicators.length).toBeGreaterThan(0);
    // One respondent: every question of the tool is scored, within the framework's 0–100.
    for (const indicator of eit?.indicators ?? []) {
      expect(indicator.score).toBeGreaterThanOrEqual(0);
      expect(indicator.score).toBeLessThanOrEqual(100);
    }
    expect(
      eit?.questions.every((q) => q.score !== null && q.items.every((i) => i.answered === 1)),
    ).toBe(true);
    expect(
      body.tools.find((t) => t.tool === "IIT")?.indicators.every((i) => i.score === null),
    ).toBe(true);
    // The list also says the surveys are closed now.
    expect((await list(late)).surveys.every((s) => !s.openToday)).toBe(true);
    clock = DURING;
  });
});
