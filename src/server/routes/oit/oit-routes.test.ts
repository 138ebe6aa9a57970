import { and, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { oitIndicatorScores } from "../../../domain/scoring/oit-scores.ts";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, NATIONAL_SCOPE, results } from "../../db/schema.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const framework = loadFrameworks().get("ita-2566");
if (!framework) throw new Error("no ita-2566");
const allItems = framework.oit.flatMap((s) => s.items.map((i) => i.id));

// ita-2566's windows, Bangkok mornings: submission Mar–Apr, scoring May, clarification 1–15 Jun, confirmation 16–30 Jun.
const day = (iso: string) => new Date(`${iso}T03:00:00Z`);
const BEFORE = day("2023-02-15");
const SUBMISSION = day("2023-03-10");
const SCORING = day("2023-05-10");
const CLARIFICATION = day("2023-06-05");
const CONFIRMATION = day("2023-06-20");

describe.each(engines)("OIT routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let scope: Awaited<ReturnType<typeof createTwoAgencyYears>>;
  let coordinator: Browser;
  let officer: Browser;
  let evaluator: Browser;
  let otherEvaluator: Browser;
  let national: Browser;
  let clock = SUBMISSION;
  const url = (path = "") => `/api/agencies/${scope.a}/assessments/${scope.assessmentA}/oit${path}`;
  const send = (
    as: Browser,
    method: "GET" | "PUT" | "POST",
    path = "",
    payload?: InjectOptions["payload"],
  ) => app.inject({ method, url: url(path), ...as, ...(payload === undefined ? {} : { payload }) });
  const view = async (as: Browser = coordinator) => {
    const response = await send(as, "GET");
    expect(response.statusCode).toBe(200);
    return response.json() as OitChecklistResponse;
  };
  const audits = (action: string) =>
    database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.agencyId, scope.a), eq(auditLog.action, action)));
  const answer = (itemId: string, has: boolean | null = true) => ({
    itemId,
    has,
    urls: has ? [`https://www.huaisak.go.th/ita/${itemId.toLowerCase()}`] : [],
    explanation: has ? "เผยแพร่บนเว็บไซต์หลักของหน่วยงาน" : "ไม่มีการดำเนินการในปีนี้",
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, now: () => clock });
    scope = await createTwoAgencyYears(database.db);
    await moveTo(SUBMISSION);
  });
  // Sessions expire by the clock: everyone signs in again on the new day.
  const moveTo = async (when: Date) => {
    clock = when;
    coordinator = await signInAs(app, database, [{ agencyId: scope.a, role: "agency_admin" }]);
    officer = await signInAs(app, database, [
      { agencyId: scope.a, role: "division_officer", division: "กองคลัง" },
    ]);
    evaluator = await signInAs(app, database, [{ agencyId: scope.a, role: "evaluator" }]);
    otherEvaluator = await signInAs(app, database, [{ agencyId: scope.b, role: "evaluator" }]);
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
  };
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("shows the framework's items with their elements, empty and in draft", async () => {
    const body = await view();
    expect(body).toMatchObject({
      status: "draft",
      frameworkId: "ita-2566",
      today: "2023-03-10",
      progress: { answered: 0, total: allItems.length, verdicts: 0 },
      score: null,
    });
    expect(body.subIndicators.map((s) => s.id)).toEqual(framework.oit.map((s) => s.id));
    const first = body.subIndicators[0]?.items[0];
    expect(first?.elements.length).toBeGreaterThan(0);
    expect(first?.answer).toBeNull();
    expect(body.windows.find((w) => w.id === "oit-submission")?.status).toBe("current");
  });

  it("saves drafts item by item, audited, and counts the answered ones", async () => {
    const saved = await send(coordinator, "PUT", "/answers", {
      answers: [answer("O1"), answer("o2", false), answer("O3", null)],
    });
    expect(saved.statusCode).toBe(200);
    const body = saved.json() as OitChecklistResponse;
    expect(body.progress.answered).toBe(2);
    const items = body.subIndicators[0]?.items ?? [];
    expect(items[0]?.answer).toMatchObject({
      has: true,
      urls: ["https://www.huaisak.go.th/ita/o1"],
    });
    expect(items[1]?.answer?.has).toBe(false);
    expect(items[2]?.answer?.has).toBeNull();
    // A second save changes only what it lists.
    await send(coordinator, "PUT", "/answers", {
      answers: [
        {
          itemId: "O1",
          has: true,
          urls: ["http://huaisak.go.th/a", "https://huaisak.go.th/b"],
          explanation: "",
        },
      ],
    });
    const again = await view();
    expect(again.subIndicators[0]?.items[0]?.answer?.urls).toHaveLength(2);
    expect(again.progress.answered).toBe(2);
    const entries = await audits("oit.answer");
    expect(entries).toHaveLength(4);
    expect(entries.at(-1)?.before).toMatchObject({
      has: true,
      explanation: "เผยแพร่บนเว็บไซต์หลักของหน่วยงาน",
    });
  });

  it("refuses bad answers listing every problem, changing nothing", async () => {
    const bad = await send(coordinator, "PUT", "/answers", {
      answers: [
        { itemId: "O1", has: true, urls: ["ftp://x.go.th/a", "not a link"], explanation: "" },
        { itemId: "O99", has: true, urls: [], explanation: "" },
        { itemId: "o1", has: false, urls: [], explanation: "" },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const { error } = bad.json() as {
      error: { code: string; message: string; details: { path: string; th: string }[] };
    };
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.details.map((d) => d.path).sort()).toEqual([
      "body.answers.0.urls.0",
      "body.answers.0.urls.1",
      "body.answers.1.itemId",
      "body.answers.2.itemId",
    ]);
    expect(error.details.find((d) => d.path === "body.answers.0.urls.1")?.th).toMatch(/http/);
    const shape = await send(coordinator, "PUT", "/answers", {
      answers: [{ itemId: "x", has: "yes" }],
    });
    expect(shape.statusCode).toBe(400);
    expect((shape.json() as { error: { details: unknown[] } }).error.details.length).toBe(2);
    expect((await view()).subIndicators[0]?.items[0]?.answer?.urls).toHaveLength(2);
  });

  it("lets only the agency's coordinator answer: not officers, evaluators or another agency", async () => {
    for (const who of [officer, evaluator, otherEvaluator]) {
      const refused = await send(who, "PUT", "/answers", { answers: [answer("O4")] });
      expect(refused.statusCode).toBe(403);
    }
    expect((await send(officer, "GET")).statusCode).toBe(200);
  });

  it("answers only inside the submission window", async () => {
    await moveTo(BEFORE);
    const early = await send(coordinator, "PUT", "/answers", { answers: [answer("O4")] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/2023-03-01 ถึง 2023-04-30/);
    await moveTo(SUBMISSION);
  });

  it("submits only a complete checklist, listing every gap", async () => {
    await send(coordinator, "PUT", "/answers", { answers: [{ ...answer("O4"), urls: [] }] });
    const incomplete = await send(coordinator, "POST", "/submit");
    expect(incomplete.statusCode).toBe(400);
    const paths = (
      incomplete.json() as { error: { details: { path: string }[] } }
    ).error.details.map((d) => d.path);
    expect(paths).toContain("items.O3");
    expect(paths).toContain("items.O4.urls");
    expect(paths).toHaveLength(allItems.length - 3 + 1);
  });

  it("submission locks the checklist and is audited; verdicts wait for the scoring window", async () => {
    // O42 and O43 have nothing to show; the rest are published.
    const answers = allItems.map((id) => answer(id, !["O42", "O43"].includes(id)));
    expect((await send(coordinator, "PUT", "/answers", { answers })).statusCode).toBe(200);
    const early = await send(evaluator, "PUT", "/verdicts", {
      verdicts: [{ itemId: "O1", verdict: "pass" }],
    });
    expect(early.statusCode).toBe(409);
    const submitted = await send(coordinator, "POST", "/submit", {});
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: "submitted",
      progress: { answered: allItems.length },
    });
    const locked = await send(coordinator, "PUT", "/answers", { answers: [answer("O1")] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/ส่งแบบ OIT แล้ว/);
    expect((await send(coordinator, "POST", "/submit")).statusCode).toBe(409);
    expect(await audits("oit.submit")).toHaveLength(1);
  });

  it("takes evaluators' verdicts in the scoring window; the score follows the framework's OIT rule", async () => {
    await moveTo(SCORING);
    const bad = await send(evaluator, "PUT", "/verdicts", {
      verdicts: [
        { itemId: "O42", verdict: "fail" },
        { itemId: "O98", verdict: "pass" },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.verdicts.0.comment", "body.verdicts.1.itemId"]);
    expect(
      (
        await send(coordinator, "PUT", "/verdicts", {
          verdicts: [{ itemId: "O1", verdict: "pass" }],
        })
      ).statusCode,
    ).toBe(403);
    const verdicts = allItems.map((itemId) =>
      ["O42", "O43", "O20"].includes(itemId)
        ? { itemId, verdict: "fail" as const, comment: "ไม่พบข้อมูลตามองค์ประกอบที่กำหนด" }
        : { itemId, verdict: "pass" as const },
    );
    const saved = await send(evaluator, "PUT", "/verdicts", { verdicts });
    expect(saved.statusCode).toBe(200);
    const body = saved.json() as OitChecklistResponse;
    const expected = oitIndicatorScores(
      framework,
      Object.fromEntries(verdicts.map((v) => [v.itemId, v.verdict])),
    );
    expect(body.score?.final).toBe(false);
    expect(body.score?.indicators.map((i) => [i.number, i.score])).toEqual([...expected]);
    expect(body.score?.subIndicators.find((s) => s.id === "10.2")).toMatchObject({
      passed: 3,
      items: 5,
      score: 60,
    });
    // The agency does not see a review in progress.
    const agencySees = await view(coordinator);
    expect(agencySees.verdictsVisible).toBe(false);
    expect(agencySees.score).toBeNull();
    expect(agencySees.subIndicators[0]?.items[0]?.verdict).toBeNull();
    expect(await audits("oit.verdict")).toHaveLength(allItems.length);
  });

  it("takes clarifications on failed items only, only in the clarification window", async () => {
    const clarification = {
      itemId: "O42",
      text: "เผยแพร่มาตรการแล้วตามลิงก์",
      urls: ["https://www.huaisak.go.th/ita/o42"],
    };
    const early = await send(coordinator, "PUT", "/clarifications", {
      clarifications: [clarification],
    });
    expect(early.statusCode).toBe(409);
    await moveTo(CLARIFICATION);
    const agencySees = await view(coordinator);
    expect(agencySees.verdictsVisible).toBe(true);
    expect(agencySees.score).not.toBeNull();
    const passed = await send(coordinator, "PUT", "/clarifications", {
      clarifications: [clarification, { itemId: "O1", text: "ชี้แจง", urls: ["mailto:x"] }],
    });
    expect(passed.statusCode).toBe(400);
    expect(
      passed
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.clarifications.1.itemId", "body.clarifications.1.urls.0"]);
    const saved = await send(coordinator, "PUT", "/clarifications", {
      clarifications: [clarification],
    });
    expect(saved.statusCode).toBe(200);
    const item = (saved.json() as OitChecklistResponse).subIndicators
      .flatMap((s) => s.items)
      .find((i) => i.id === "O42");
    expect(item?.answer).toMatchObject({
      clarification: clarification.text,
      clarificationUrls: clarification.urls,
    });
    expect(await audits("oit.clarify")).toHaveLength(1);
    // Evaluators do not change verdicts while the agency clarifies.
    expect(
      (
        await send(evaluator, "PUT", "/verdicts", {
          verdicts: [{ itemId: "O42", verdict: "pass" }],
        })
      ).statusCode,
    ).toBe(409);
  });

  it("confirms in the confirmation window, writing indicators 9 and 10 into the result", async () => {
    expect((await send(evaluator, "POST", "/confirm")).statusCode).toBe(409);
    await moveTo(CONFIRMATION);
    expect((await send(coordinator, "POST", "/confirm")).statusCode).toBe(403);
    // The clarification convinced the evaluator on O42.
    await send(evaluator, "PUT", "/verdicts", { verdicts: [{ itemId: "O42", verdict: "pass" }] });
    const confirmed = await send(evaluator, "POST", "/confirm", {});
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json() as OitChecklistResponse;
    expect(body.status).toBe("confirmed");
    expect(body.score?.final).toBe(true);
    const verdicts = Object.fromEntries(
      allItems.map((id) => [id, ["O43", "O20"].includes(id) ? "fail" : "pass"] as const),
    );
    const expected = oitIndicatorScores(framework, verdicts);
    const [result] = await database.db
      .select()
      .from(results)
      .where(and(eq(results.agencyId, scope.a), eq(results.assessmentId, scope.assessmentA)));
    expect(result?.source).toBe("computed");
    expect(result?.indicators["9"]).toBeCloseTo(expected.get(9) ?? -1, 10);
    expect(result?.indicators["10"]).toBeCloseTo(expected.get(10) ?? -1, 10);
    expect(result?.oit).toEqual(verdicts);
    expect(await audits("oit.confirm")).toHaveLength(1);
    expect(await audits("result.oit_confirm")).toHaveLength(1);
    // Closed: no verdict, clarification or second confirmation.
    expect(
      (
        await send(evaluator, "PUT", "/verdicts", {
          verdicts: [{ itemId: "O1", verdict: "fail", comment: "x" }],
        })
      ).statusCode,
    ).toBe(409);
    expect((await send(evaluator, "POST", "/confirm")).statusCode).toBe(409);
    expect((await send(national, "GET")).json().status).toBe("confirmed");
  });

  it("refuses confirmation until every item has a verdict, listing the missing ones", async () => {
    await moveTo(SUBMISSION);
    const b = `/api/agencies/${scope.b}/assessments/${scope.assessmentB}/oit`;
    const answers = allItems.map((id) => answer(id));
    expect(
      (await app.inject({ method: "PUT", url: `${b}/answers`, ...national, payload: { answers } }))
        .statusCode,
    ).toBe(200);
    expect((await app.inject({ method: "POST", url: `${b}/submit`, ...national })).statusCode).toBe(
      200,
    );
    await moveTo(CONFIRMATION);
    await app.inject({
      method: "PUT",
      url: `${b}/verdicts`,
      ...otherEvaluator,
      payload: { verdicts: [{ itemId: "O1", verdict: "pass" }] },
    });
    const refused = await app.inject({ method: "POST", url: `${b}/confirm`, ...otherEvaluator });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toHaveLength(allItems.length - 1);
    // Evaluators of another agency are refused here.
    expect((await send(otherEvaluator, "GET")).statusCode).toBe(403);
  });

  it("keeps an existing result's other indicators and official figures when confirming", async () => {
    const b = `/api/agencies/${scope.b}/assessments/${scope.assessmentB}`;
    const indicators = Object.fromEntries(framework.indicators.map((i) => [i.number, 80]));
    const entered = await app.inject({
      method: "PUT",
      url: `${b}/result`,
      ...national,
      payload: { indicators, official: { overall: 80 } },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    const verdicts = allItems.map((itemId) => ({ itemId, verdict: "pass" as const }));
    await app.inject({
      method: "PUT",
      url: `${b}/oit/verdicts`,
      ...otherEvaluator,
      payload: { verdicts },
    });
    const confirmed = await app.inject({
      method: "POST",
      url: `${b}/oit/confirm`,
      ...otherEvaluator,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const [result] = await database.db
      .select()
      .from(results)
      .where(and(eq(results.agencyId, scope.b), eq(results.assessmentId, scope.assessmentB)));
    expect(result).toMatchObject({ source: "entered", officialOverall: 80 });
    expect(result?.indicators).toMatchObject({ "1": 80, "8": 80, "9": 100, "10": 100 });
    // 0.3·80 + 0.3·80 + 0.4·100: the overall is recomputed and the official figure compared again.
    expect(result?.computedOverall).toBeCloseTo(88, 10);
    expect(result?.discrepancy).toBeCloseTo(-8, 10);
  });
});
