import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SurveyFlag, SurveyFlagsResponse } from "../../../shared/survey-integrity.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { surveyResponses } from "../../db/schema.ts";
import { createBurstWatch } from "../../services/survey-burst-watch.ts";
import type { Submission } from "../../services/survey-intake.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import type { Browser } from "../../test-sessions.ts";
import { buildSurveyWorld, frameworks, type SurveyWorld } from "./test-survey-world.ts";

describe.each(engines)("survey integrity flags on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let world: SurveyWorld;
  const flagsUrl = (assessmentId = world.assessmentId, agencyId = world.agencyId) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/surveys/flags`;
  const flags = async (as: Browser = world.people.evaluator) => {
    const response = await app.inject({ url: flagsUrl(), ...as });
    expect(response.statusCode, response.body).toBe(200);
    return { body: response.json() as SurveyFlagsResponse, text: response.body };
  };
  const iitFlags = async (kind: SurveyFlag["kind"]) =>
    (await flags()).body.tools.find((t) => t.tool === "IIT")?.flags.filter((f) => f.kind === kind);

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, frameworks });
    world = await buildSurveyWorld(app, database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("records a burst seen while collecting on the Bangkok day, keeping the largest peak", async () => {
    // 20:00 UTC on 1 March is 03:00 on 2 March in Bangkok.
    let clock = Date.parse("2023-03-01T20:00:00Z");
    const watch = createBurstWatch({
      db: database.db,
      frameworks,
      now: () => new Date(clock),
      flushEveryMs: 0,
    });
    const one: Submission = {
      agencyId: world.agencyId,
      assessmentId: world.assessmentId,
      tool: "IIT",
      frameworkId: "ita-2566",
      channel: "link",
      answers: {},
      counts: [],
      submittedOn: "2023-03-02",
      idempotencyKey: "unused",
      straightLine: false,
    };
    // 30 within ten minutes is not yet more than the minimum of 30.
    for (let i = 0; i < 30; i++) {
      await watch.observe([one]);
      clock += 15_000;
    }
    expect(await iitFlags("burst")).toEqual([]);
    for (let i = 0; i < 5; i++) {
      await watch.observe([one]);
      clock += 15_000;
    }
    // Half an hour later the window holds only what arrives now.
    clock += 30 * 60_000;
    await watch.observe([one, one]);
    const [burst] = (await iitFlags("burst")) ?? [];
    expect(burst).toMatchObject({ kind: "burst", day: "2023-03-02", peak: 35 });
    expect(burst?.explanation.th).toContain("35 ราย");
    // Another process (or a restart) seeing a smaller burst the same day keeps the larger peak.
    const restarted = createBurstWatch({
      db: database.db,
      frameworks,
      now: () => new Date(clock),
      flushEveryMs: 0,
    });
    await restarted.observe(Array.from({ length: 32 }, () => one));
    expect(await iitFlags("burst")).toMatchObject([{ day: "2023-03-02", peak: 35 }]);
    // A larger one, told as a count (as workers tell the primary), raises it; the other tool stays clean.
    await restarted.observe([{ ...one, count: 8 }]);
    expect(await iitFlags("burst")).toMatchObject([{ day: "2023-03-02", peak: 40 }]);
    const eit = (await flags()).body.tools.find((t) => t.tool === "EIT");
    expect(eit).toEqual({ tool: "EIT", respondents: 0, flags: [] });
  });

  it("flags the busy day against the median day", async () => {
    expect(await iitFlags("busy_day")).toMatchObject([
      { day: "2023-03-01", responses: 40, medianPerDay: 1 },
    ]);
  });

  it("counts straight-lined responses and duplicated answer sets of one day", async () => {
    expect(await iitFlags("straight_line")).toMatchObject([{ responses: 3, respondents: 45 }]);
    // 3 and 2 identical sets on 1 March; the same set again on 2 March is not a duplicate.
    const [duplicates] = (await iitFlags("duplicate_answers")) ?? [];
    expect(duplicates).toMatchObject({ groups: 2, extraResponses: 3 });
    expect(duplicates?.explanation.en).toContain("2 identical answer sets");
  });

  it("flags more respondents than the population", async () => {
    expect(await iitFlags("over_population")).toMatchObject([{ respondents: 45, population: 30 }]);
  });

  it("flags only the indicators far from last year's result, with both values", async () => {
    const drift = (await iitFlags("history_drift")) ?? [];
    expect(drift.map((f) => f.kind === "history_drift" && f.indicator)).toEqual([1]);
    const [one] = drift;
    if (one?.kind !== "history_drift") throw new Error("no drift flag");
    expect(Math.abs(one.score - one.previous)).toBeCloseTo(25, 6);
    expect(one.previousFiscalYear).toBe(2565);
    expect(one.explanation.th).toContain("ตัวชี้วัดที่ 1");
  });

  it("never names a response or shows its answers", async () => {
    const { text } = await flags(world.people.national);
    const ids = await database.db.select({ id: surveyResponses.id }).from(surveyResponses);
    expect(ids.length).toBe(45);
    for (const { id } of ids) expect(text).not.toContain(id);
    expect(text).not.toContain('"answers"');
    expect(text).not.toContain('"much"');
  });

  it("is for evaluators and national administrators, inside their own agency", async () => {
    for (const role of ["agency_admin", "auditor", "division_officer", "outsider"] as const) {
      const refused = await app.inject({ url: flagsUrl(), ...world.people[role] });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.code).toBe("FORBIDDEN");
    }
    // Another agency's assessment under this agency's address is simply not found.
    const hidden = await app.inject({
      url: flagsUrl(world.otherAssessmentId),
      ...world.people.evaluator,
    });
    expect(hidden.statusCode).toBe(404);
    const bad = await app.inject({ url: flagsUrl("not-a-uuid"), ...world.people.evaluator });
    expect(bad.statusCode).toBe(400);
  });
});
