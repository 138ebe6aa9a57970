import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "../../../domain/content/load-content.ts";
import { roundHalfUp } from "../../../domain/thai/numerals.ts";
import type { AnalysisResponse, IndicatorAnalysisResponse } from "../../../shared/analysis.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, results } from "../../db/schema.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { type HuaiSakYear, insertHuaiSakYear } from "../../test-year.ts";

const content = loadContent();
const analysisUrl = (year: HuaiSakYear, assessmentId = year.assessmentId) =>
  `/api/agencies/${year.agencyId}/assessments/${assessmentId}/analysis`;

describe.each(engines)("analysis routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let year: HuaiSakYear;
  let coordinator: Browser;
  let auditor: Browser;
  const get = async <T>(url: string, as: Browser = coordinator) => {
    const response = await app.inject({ url, ...as });
    return { status: response.statusCode, body: response.json() as T };
  };
  const assessmentOf = async (agencyId: string, fiscalYear: number) => {
    const [row] = await database.db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.agencyId, agencyId), eq(assessments.fiscalYear, fiscalYear)));
    if (!row) throw new Error(`no ${fiscalYear} assessment`);
    return row.id;
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    year = await insertHuaiSakYear({ db: database.db });
    coordinator = await signInAs(app, database, [
      { agencyId: year.agencyId, role: "agency_admin" },
    ]);
    auditor = await signInAs(app, database, [{ agencyId: year.agencyId, role: "auditor" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("analyses the 2565 result the 2566 measures answer: scores, bands, gaps and suggested measures", async () => {
    const { status, body } = await get<AnalysisResponse>(analysisUrl(year), auditor);
    expect(status).toBe(200);
    expect(body).toMatchObject({ assessmentId: year.assessmentId, fiscalYear: 2566, reason: null });
    const result = body.result;
    if (!result) throw new Error("no result");
    expect(result).toMatchObject({ fiscalYear: 2565, frameworkId: "ita-2565", level: "B" });
    expect(roundHalfUp(result.overall, 2)).toBe(78.33);
    // 2565 had no rating yet: the 2566 rule rates it.
    expect(result.rating).toBeNull();
    expect(result.ratingByLaterRule?.fiscalYear).toBe(2566);
    expect(result.previous).toBeNull();
    expect(result.indicators).toHaveLength(10);
    expect(result.indicators[0]).toEqual({
      number: 1,
      name: { th: "การปฏิบัติหน้าที่", en: "Performance of duties" },
      tool: "IIT",
      score: 93.7,
      band: "strength",
      previous: null,
    });
    // The framework's thresholds (85, 85, 70): no middle band; 7 and 8 are below 70.
    expect(result.thresholds).toEqual({ strength: 85, weakness: 85, urgent: 70 });
    expect(result.strengths).toEqual([4, 1, 2, 3]);
    expect(result.weaknesses).toEqual([8, 7, 10, 9, 6, 5]);
    expect(result.urgent).toEqual([8, 7]);
    expect(result.indicators.find((i) => i.number === 8)?.band).toBe("urgent");
    expect(result.indicators.find((i) => i.number === 9)?.band).toBe("weakness");
    expect(result.gaps.map((g) => g.target)).toEqual([85, 95]);
    expect(result.gaps[0]?.gap).toBeCloseTo(85 - result.overall, 9);
    expect(result.suggestedMeasures.map((s) => s.indicator)).toEqual(result.weaknesses);
    const forEight = result.suggestedMeasures.find((s) => s.indicator === 8)?.measures ?? [];
    expect(forEight.map((m) => m.id)).toEqual(
      content.measures.filter((m) => m.indicators.includes(8)).map((m) => m.id),
    );
    expect(forEight[0]?.steps.length).toBeGreaterThan(0);
    expect(forEight[0]?.title).toBeTruthy();
  });

  it("plans the score: every action with its gain and Thai label, and the fewest that reach each target", async () => {
    const result = (await get<AnalysisResponse>(analysisUrl(year))).body.result;
    if (!result) throw new Error("no result");
    const { actions, targets } = result.planner;
    // Without item verdicts the checklist indicators are published whole; surveys raised to 85.
    expect(actions.map((a) => [a.kind, a.indicator])).toEqual([
      ["publish-indicator", 10],
      ["publish-indicator", 9],
      ["raise-indicator", 8],
      ["raise-indicator", 7],
      ["raise-indicator", 6],
      ["raise-indicator", 5],
    ]);
    expect(actions[0]?.gain).toBeCloseTo(0.4 * 0.5 * (100 - 71.6), 9);
    expect(actions[0]?.label).toBe(
      "เผยแพร่ข้อมูลของตัวชี้วัดที่ 10 การป้องกันการทุจริต ให้ครบทุกข้อ (จาก 71.60 เป็น 100.00)",
    );
    expect(actions[2]?.label).toContain("ยกระดับตัวชี้วัดที่ 8");
    const [to85, to95] = targets;
    expect(to85).toMatchObject({ target: 85, reachable: true, levelAfter: "A" });
    expect(to85?.actions.map((a) => a.indicator)).toEqual([10, 9]);
    expect(to85?.overallAfter).toBeGreaterThanOrEqual(85);
    expect(to95?.target).toBe(95);
  });

  it("shows the year before beside each score when its result is stored", async () => {
    const withHistory = await insertHuaiSakYear({
      db: database.db,
      history: true,
      agency: { name: "เทศบาลตำบลมีประวัติ" },
    });
    const admin = await signInAs(app, database, [
      { agencyId: withHistory.agencyId, role: "agency_admin" },
    ]);
    const result = (await get<AnalysisResponse>(analysisUrl(withHistory), admin)).body.result;
    expect(result?.previous?.fiscalYear).toBe(2564);
    expect(result?.previous?.change).toBeCloseTo(5, 9);
    expect(result?.trend.map((t) => t.fiscalYear)).toEqual([2564, 2565]);
    const one = result?.indicators[0];
    expect(one?.previous?.fiscalYear).toBe(2564);
    expect(one?.previous?.score).toBeCloseTo(88.7, 9);
    expect(one?.previous?.change).toBeCloseTo(5, 9);
  });

  it("uses the assessment's own thresholds", async () => {
    const own = await insertHuaiSakYear({
      db: database.db,
      agency: { name: "เทศบาลเกณฑ์ของตนเอง" },
    });
    await database.db
      .update(assessments)
      .set({ thresholds: { strength: 80, weakness: 70 } })
      .where(eq(assessments.id, own.assessmentId));
    const admin = await signInAs(app, database, [{ agencyId: own.agencyId, role: "auditor" }]);
    const result = (await get<AnalysisResponse>(analysisUrl(own), admin)).body.result;
    expect(result?.thresholds).toEqual({ strength: 80, weakness: 70, urgent: 70 });
    expect(result?.strengths).toEqual([4, 1, 2, 3, 5]);
    expect(result?.middle).toEqual([10, 9, 6]);
    expect(result?.weaknesses).toEqual([8, 7]);
  });

  it("answers 200 with no result and what to do when there is nothing to analyse", async () => {
    const empty = await insertHuaiSakYear({
      db: database.db,
      result: false,
      agency: { name: "เทศบาลยังไม่มีผล" },
    });
    const admin = await signInAs(app, database, [{ agencyId: empty.agencyId, role: "evaluator" }]);
    const { status, body } = await get<AnalysisResponse>(analysisUrl(empty), admin);
    expect(status).toBe(200);
    expect(body.result).toBeNull();
    expect(body.reason?.th).toContain("ให้บันทึกหรือนำเข้าผลการประเมินของปี 2565");
    expect(body.reason?.en).toContain("enter or import the 2565 result");

    // A stored result missing indicators cannot be analysed either: said, not a 500.
    await database.db.insert(results).values({
      agencyId: empty.agencyId,
      assessmentId: await assessmentOf(empty.agencyId, 2565),
      source: "entered",
      indicators: { "1": 90 },
      computedOverall: 5.4,
      computedLevel: "F",
      updatedBy: "test",
    });
    const broken = await get<AnalysisResponse>(analysisUrl(empty), admin);
    expect(broken.status).toBe(200);
    expect(broken.body.result).toBeNull();
    expect(broken.body.reason?.en).toContain("indicator 2");
    expect(broken.body.reason?.th).toContain("2565");
  });

  it("details a survey indicator: purpose, recommendations, questions, score beside none before", async () => {
    const { status, body } = await get<IndicatorAnalysisResponse>(
      `${analysisUrl(year)}/indicators/1`,
      auditor,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      analysedFiscalYear: 2565,
      frameworkId: "ita-2565",
      indicator: { number: 1, tool: "IIT", toolKind: "survey" },
      score: 93.7,
      band: "strength",
      previous: null,
      items: [],
      reason: null,
    });
    expect(body.purpose).toBe(content.indicators.find((i) => i.number === 1)?.purpose);
    expect(body.recommendations).toEqual(content.recommendations["1"]);
    expect(body.questions.map((q) => q.id)).toEqual(["i1", "i2", "i3", "i4", "i5", "i6"]);
    expect(body.questions[0]?.text).toBeTruthy();
    expect(body.questions.every((q) => q.score === null)).toBe(true);
    expect(body.detailReason?.en).toContain("per-question scores are not kept");
  });

  it("details an OIT indicator with each item's verdict once the result carries them", async () => {
    const before = await get<IndicatorAnalysisResponse>(`${analysisUrl(year)}/indicators/9`);
    expect(before.body.indicator.toolKind).toBe("checklist");
    expect(before.body.questions).toEqual([]);
    expect(before.body.items.map((i) => i.id).slice(0, 3)).toEqual(["o1", "o2", "o3"]);
    expect(before.body.items.every((i) => i.verdict === null)).toBe(true);
    expect(before.body.items[0]?.elements.length).toBeGreaterThan(0);
    expect(before.body.detailReason?.en).toContain("no per-item OIT verdicts");

    // The 2565 result entered again with verdicts: o23 and o42 failed.
    const verdicts = Object.fromEntries(
      Array.from({ length: 43 }, (_, i) => [
        `o${i + 1}`,
        i + 1 === 23 || i + 1 === 42 ? "fail" : "pass",
      ]),
    );
    const indicators = {
      ...year.example.results.indicators,
      "9": ((4 + 6 / 7) / 5) * 100,
      "10": 75,
    };
    const put = await app.inject({
      method: "PUT",
      url: `/api/agencies/${year.agencyId}/assessments/${await assessmentOf(year.agencyId, 2565)}/result`,
      payload: { indicators, oit: verdicts },
      ...coordinator,
    });
    expect(put.statusCode, put.body).toBe(200);

    const after = await get<IndicatorAnalysisResponse>(`${analysisUrl(year)}/indicators/10`);
    expect(after.body.detailReason).toBeNull();
    const o42 = after.body.items.find((i) => i.id === "o42");
    expect(o42).toMatchObject({ verdict: "fail", subIndicator: { id: "10.2" } });
    expect(o42?.recommendation).toBe(content.oitTopics[o42?.topic ?? ""]?.recommendation ?? null);
    expect(after.body.items.filter((i) => i.verdict === "pass")).toHaveLength(9);

    const planned = (await get<AnalysisResponse>(analysisUrl(year))).body.result?.planner;
    const items = planned?.actions.filter((a) => a.kind === "publish-item");
    expect(items?.map((a) => (a.kind === "publish-item" ? a.itemId : ""))).toEqual(["o42", "o23"]);
    expect(items?.[0]?.gain).toBeCloseTo(5, 9);
    expect(items?.[0]?.label).toMatch(/^เผยแพร่ข้อ o42 /);
  });

  it("refuses an unknown indicator, a bad id, and another agency's assessment", async () => {
    const unknown = await get<{ error: { code: string; message: string } }>(
      `${analysisUrl(year)}/indicators/11`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("ไม่มีตัวชี้วัดที่ 11");
    expect((await get(`${analysisUrl(year)}/indicators/abc`)).status).toBe(400);
    expect((await get(analysisUrl(year, "not-a-uuid"))).status).toBe(400);
    const other = await insertHuaiSakYear({ db: database.db, agency: { name: "เทศบาลอื่น" } });
    // Another agency's assessment id under this agency is simply not found.
    expect((await get(analysisUrl(year, other.assessmentId))).status).toBe(404);
    const stranger = await signInAs(app, database, [{ agencyId: other.agencyId, role: "auditor" }]);
    expect((await get(analysisUrl(year), stranger)).status).toBe(403);
  });

  it("documents both routes under the analysis tag", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    const base = "/api/agencies/{agencyId}/assessments/{assessmentId}/analysis";
    expect(spec.paths[base].get.tags).toEqual(["analysis"]);
    expect(spec.paths[`${base}/indicators/{indicatorId}`].get.tags).toEqual(["analysis"]);
  });
});
