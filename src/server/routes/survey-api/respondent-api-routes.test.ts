import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { sampleAnswers } from "../../../domain/survey/sample-answers.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { surveyCodes, surveyResponses, surveys } from "../../db/schema.ts";
import { ensureSurveys } from "../../services/survey-rows.ts";
import { readTallies } from "../../services/survey-tally-rows.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";

const framework = loadFrameworks().get("ita-2566");

describe.each(engines)("respondent API on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let scope: Awaited<ReturnType<typeof createTwoAgencyYears>>;
  let links: Record<string, string>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    // Inside the FY2566 framework's collection window.
    app = await buildApp({
      config: { LOG_LEVEL: "silent" },
      database,
      now: () => new Date("2023-03-15T03:00:00Z"),
    });
    scope = await createTwoAgencyYears(database.db);
    if (!framework) throw new Error("ita-2566 not loaded");
    const rows = await ensureSurveys({
      db: database.db,
      framework,
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
    });
    links = Object.fromEntries(rows.map((r) => [r.tool, r.token]));
    await database.db.insert(surveyCodes).values({
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
      tool: "IIT",
      code: "KMPQ-RSTU",
      batch: 1,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const send = (tool: string, body: Record<string, unknown>) =>
    app.inject({
      method: "POST",
      url: `/api/surveys/${tool.toLowerCase()}/${links[tool]}/responses`,
      payload: body,
    });

  it("stores an open-link response once and counts it in the tallies", async () => {
    if (!framework) throw new Error("no framework");
    const body = {
      answers: sampleAnswers(framework, "EIT", () => 2),
      idempotencyKey: randomUUID(),
    };
    const first = await send("EIT", body);
    expect(first.statusCode).toBe(201);
    expect(first.headers["cache-control"]).toBe("no-store");
    const retry = await send("EIT", body);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().status).toBe("already_stored");
    const rows = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.idempotencyKey, body.idempotencyKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.submittedOn).toBe("2023-03-15");
    expect(rows[0]?.channel).toBe("link");
    const tallies = await readTallies(database.db, {
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
    });
    expect(tallies.respondents.EIT).toBe(1);
    expect(tallies.items.e2?.much).toBe(1);
  });

  it("lists every unanswered or unknown item and stores nothing", async () => {
    if (!framework) throw new Error("no framework");
    const answers: Record<string, string> = sampleAnswers(framework, "EIT");
    delete answers.e2;
    answers["e1.1"] = "sometimes";
    answers.x9 = "most";
    const response = await send("EIT", { answers, idempotencyKey: randomUUID() });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.details as { path: string; th: string }[]).map(
      (d) => d.path,
    );
    expect(paths.sort()).toEqual(["e1.1", "e2", "x9"]);
    const tallies = await readTallies(database.db, {
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
    });
    expect(tallies.respondents.EIT).toBe(1);
  });

  it("admits a printed code once", async () => {
    if (!framework) throw new Error("no framework");
    const answers = sampleAnswers(framework, "IIT", (n) => n - 1);
    const noCode = await send("IIT", { answers, idempotencyKey: randomUUID() });
    expect(noCode.statusCode).toBe(400);
    const first = await send("IIT", { answers, idempotencyKey: randomUUID(), code: "kmpq rstu" });
    expect(first.statusCode).toBe(201);
    const again = await send("IIT", { answers, idempotencyKey: randomUUID(), code: "KMPQ-RSTU" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("รหัสนี้ถูกใช้");
    const iit = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.tool, "IIT"));
    expect(iit).toHaveLength(1);
    // Every answer the same: kept, and marked for the evaluators.
    expect(iit[0]?.straightLine).toBe(true);
  });

  it("refuses answers outside the window and for unknown links", async () => {
    if (!framework) throw new Error("no framework");
    // Agency B's link, closed the day before: not yet looked up, so no cached copy is open.
    const [eitB] = (
      await ensureSurveys({
        db: database.db,
        framework,
        agencyId: scope.b,
        assessmentId: scope.assessmentB,
      })
    ).filter((r) => r.tool === "EIT");
    await database.db
      .update(surveys)
      .set({ closesOn: "2023-03-14" })
      .where(eq(surveys.token, eitB?.token ?? ""));
    const closed = await app.inject({
      method: "POST",
      url: `/api/surveys/eit/${eitB?.token}/responses`,
      payload: { answers: sampleAnswers(framework, "EIT"), idempotencyKey: randomUUID() },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain("เปิดรับคำตอบระหว่างวันที่");
    const unknown = await app.inject({
      method: "POST",
      url: "/api/surveys/eit/zzzzzzzzzzzz/responses",
      payload: { answers: {}, idempotencyKey: randomUUID() },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
