import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { sampleAnswers } from "../../domain/survey/sample-answers.ts";
import type { Database } from "../db/database.ts";
import { surveyCodes, surveyResponses } from "../db/schema.ts";
import { createTwoAgencyYears } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { buildSubmission } from "./build-submission.ts";
import { rebuildTallies } from "./rebuild-tallies.ts";
import { createIntake, type Submission } from "./survey-intake.ts";
import { ensureTallyLayouts, readTallies } from "./survey-tally-rows.ts";

const loaded = loadFrameworks().get("ita-2566");
if (!loaded) throw new Error("ita-2566 is not loaded");
const framework = loaded;

describe.each(engines)("survey intake on %s", (engine) => {
  let database: Database;
  let scope: Awaited<ReturnType<typeof createTwoAgencyYears>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    scope = await createTwoAgencyYears(database.db);
    await ensureTallyLayouts(database.db, framework);
  });
  afterAll(() => database?.close());

  // Real FY2566 answers, built as the respondent routes build them.
  const submission = (overrides: Partial<Submission> = {}): Submission => {
    const tool = overrides.tool ?? "EIT";
    const built = buildSubmission({
      framework,
      survey: {
        agencyId: overrides.agencyId ?? scope.a,
        assessmentId: overrides.assessmentId ?? scope.assessmentA,
        tool,
      },
      answers: sampleAnswers(framework, tool, (n) => n - 2),
      channel: "link",
      idempotencyKey: randomUUID(),
      submittedOn: "2023-03-01",
    });
    return { ...built, ...overrides };
  };

  it("stores each key once, however often and however concurrently it is sent", async () => {
    const intake = createIntake({ db: database.db, maxBatch: 7 });
    const subs = Array.from({ length: 60 }, () => submission());
    // Every submission twice, interleaved, as retries from impatient phones would arrive.
    const outcomes = await Promise.all([...subs, ...subs].map((s) => intake.submit(s)));
    expect(outcomes.filter((o) => o === "stored")).toHaveLength(60);
    expect(outcomes.filter((o) => o === "already_stored")).toHaveLength(60);
    const again = await intake.submit(subs[0] as Submission);
    expect(again).toBe("already_stored");
    const stored = await database.db
      .select()
      .from(surveyResponses)
      .where(eq(surveyResponses.assessmentId, scope.assessmentA));
    expect(stored).toHaveLength(60);
    const tallies = await readTallies(database.db, {
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
    });
    expect(tallies.respondents.EIT).toBe(60);
    expect(tallies.items["e1.1"]?.much).toBe(60);
    expect(tallies.items.e8?.no).toBe(60);
  });

  it("lets a printed code in once, and undoes the response of a second use", async () => {
    await database.db.insert(surveyCodes).values([
      {
        agencyId: scope.a,
        assessmentId: scope.assessmentA,
        tool: "IIT",
        code: "ABCD-EFGH",
        batch: 1,
      },
    ]);
    const intake = createIntake({ db: database.db });
    const iit = (key: string) =>
      submission({
        tool: "IIT",
        channel: "code",
        code: "ABCD-EFGH",
        idempotencyKey: key,
      });
    const [first, second] = await Promise.all([intake.submit(iit("k1")), intake.submit(iit("k2"))]);
    expect([first, second]).toEqual(["stored", "code_used"]);
    expect(await intake.submit(iit("k3"))).toBe("code_used");
    // The retry of the one that got in is still acknowledged, not refused.
    expect(await intake.submit(iit("k1"))).toBe("already_stored");
    const rows = await database.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.agencyId, scope.a), eq(surveyResponses.tool, "IIT")));
    expect(rows.map((r) => r.idempotencyKey)).toEqual(["k1"]);
    const [code] = await database.db
      .select()
      .from(surveyCodes)
      .where(eq(surveyCodes.code, "ABCD-EFGH"));
    expect(code?.used).toBe(true);
    const tallies = await readTallies(database.db, {
      agencyId: scope.a,
      assessmentId: scope.assessmentA,
    });
    expect(tallies.respondents.IIT).toBe(1);
  });

  it("refuses another agency's code", async () => {
    await database.db.insert(surveyCodes).values([
      {
        agencyId: scope.b,
        assessmentId: scope.assessmentB,
        tool: "IIT",
        code: "BBBB-CCCC",
        batch: 1,
      },
    ]);
    const intake = createIntake({ db: database.db });
    const outcome = await intake.submit(
      submission({ tool: "IIT", channel: "code", code: "BBBB-CCCC" }),
    );
    expect(outcome).toBe("code_used");
  });

  it("keeps tallies equal to a rebuild from the responses, and the rebuild notices tampering", async () => {
    const clean = await rebuildTallies(database.db, { write: false });
    expect(clean.differences).toEqual([]);
    expect(clean.rows).toBeGreaterThan(0);
    await database.db.delete(surveyResponses).where(eq(surveyResponses.idempotencyKey, "k1"));
    const tampered = await rebuildTallies(database.db, { write: true });
    // The IIT respondent is gone: the respondents and each item they answered differ.
    const iitItems = Object.keys(sampleAnswers(framework, "IIT")).length;
    expect(tampered.differences.filter((d) => d.itemId === "")).toEqual([
      expect.objectContaining({ tool: "IIT", stored: 1, rebuilt: 0 }),
    ]);
    expect(tampered.differences).toHaveLength(1 + iitItems);
    expect((await rebuildTallies(database.db, { write: false })).differences).toEqual([]);
  });
});
