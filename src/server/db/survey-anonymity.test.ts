import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { generateSurveyCode } from "../../domain/survey/survey-codes.ts";
import { createIntake, type Submission } from "../services/survey-intake.ts";
import { ensureTallyLayouts } from "../services/survey-tally-rows.ts";
import { createTwoAgencyYears } from "../test-assessments.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { testSubmission } from "../test-surveys.ts";

const loaded = loadFrameworks().get("ita-2566");
if (!loaded) throw new Error("ita-2566 is not loaded");
const framework = loaded;

import { type Database, queryRows } from "./database.ts";
import { surveyCodes, surveyOtps } from "./schema.ts";

// Anonymity by construction, proven from the database's own catalog: a printed code or a
// one-time password and the response it unlocked share no key, no id and no time finer than a day.

const responses = "survey_responses";
const gates = ["survey_codes", "survey_otps"];
const timeTypes = ["date", "time", "timestamp", "interval"];

describe.each(engines)("survey anonymity on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database?.close());

  const columns = (table: string) =>
    queryRows<{ name: string; type: string }>(
      database.db,
      sql`select column_name as name, data_type as type from information_schema.columns
           where table_schema = current_schema() and table_name = ${table} order by column_name`,
    );

  it("has no foreign key between responses and codes or passes, and none from responses but to assessments", async () => {
    const keys = await queryRows<{ from_table: string; to_table: string }>(
      database.db,
      sql`select f.relname as from_table, t.relname as to_table
            from pg_constraint c
            join pg_class f on f.oid = c.conrelid
            join pg_class t on t.oid = c.confrelid
           where c.contype = 'f'
             and (f.relname in ('survey_responses', 'survey_codes', 'survey_otps')
               or t.relname in ('survey_responses', 'survey_codes', 'survey_otps'))`,
    );
    const between = keys.filter(
      (k) =>
        (k.from_table === responses && gates.includes(k.to_table)) ||
        (gates.includes(k.from_table) && k.to_table === responses),
    );
    expect(between).toEqual([]);
    expect(keys.filter((k) => k.from_table === responses).map((k) => k.to_table)).toEqual([
      "assessments",
    ]);
    // Nothing refers to a response at all.
    expect(keys.filter((k) => k.to_table === responses)).toEqual([]);
  });

  it("shares no column with codes or passes beyond the survey itself", async () => {
    const own = new Set((await columns(responses)).map((c) => c.name));
    expect(own.size).toBeGreaterThan(5);
    for (const gate of gates) {
      const shared = (await columns(gate)).map((c) => c.name).filter((name) => own.has(name));
      expect(shared.sort(), gate).toEqual(["agency_id", "assessment_id", "tool"]);
    }
  });

  it("keeps no time finer than the day on a response, and no time at all on a code", async () => {
    const timed = (await columns(responses)).filter((c) =>
      timeTypes.some((t) => c.type.startsWith(t)),
    );
    expect(timed).toEqual([{ name: "submitted_on", type: "date" }]);
    const codeTimes = (await columns("survey_codes")).filter((c) =>
      timeTypes.some((t) => c.type.startsWith(t)),
    );
    expect(codeTimes).toEqual([]);
  });

  it("has no column on a response that could hold an address, agent, user, code, contact or pass", async () => {
    const names = (await columns(responses)).map((c) => c.name);
    expect(names).toContain("answers");
    expect(names.filter((n) => /ip|address|agent|user|code|contact|pass/.test(n))).toEqual([]);
  });

  it("stores responses admitted by codes and passes without any trace of them", async () => {
    const { db } = database;
    const scope = await createTwoAgencyYears(db);
    const base = { agencyId: scope.a, assessmentId: scope.assessmentA, tool: "IIT" };
    const codes = Array.from({ length: 20 }, () => generateSurveyCode());
    await db.insert(surveyCodes).values(codes.map((code) => ({ ...base, code, batch: 1 })));
    const hash = (text: string) => createHash("sha256").update(text).digest("hex");
    const passes = Array.from({ length: 5 }, (_, i) => ({
      ...base,
      contactHash: hash(`08${i}1234567`),
      codeHash: hash(`${i}23456`),
      passHash: hash(randomUUID()),
      expiresAt: new Date("2023-03-01T03:00:00Z"),
    }));
    await db.insert(surveyOtps).values(passes);
    await ensureTallyLayouts(db, framework);
    const submission = (extra: Partial<Submission>): Submission =>
      testSubmission(framework, {
        ...base,
        channel: "code",
        answers: { i2: "much", "i1.1": "most" },
        submittedOn: "2023-03-01",
        idempotencyKey: randomUUID(),
        straightLine: false,
        ...extra,
      });
    const intake = createIntake({ db });
    const outcomes = await Promise.all([
      ...codes.map((code) => intake.submit(submission({ code }))),
      ...passes.map((p) => intake.submit(submission({ channel: "otp", otpPassHash: p.passHash }))),
    ]);
    expect(outcomes.every((o) => o === "stored")).toBe(true);
    const rows = await queryRows<{ text: string; key: string }>(
      db,
      sql`select row_to_json(r)::text as text, r.idempotency_key as key from survey_responses r`,
    );
    expect(rows).toHaveLength(25);
    const stored = await queryRows<{ code: string }>(db, sql`select code from survey_codes`);
    const secrets = [
      ...stored.flatMap(({ code }) => [code, code.replace("-", "")]),
      ...passes.flatMap((p) => [p.passHash, p.contactHash, p.codeHash]),
    ];
    expect(stored).toHaveLength(20);
    for (const row of rows) {
      for (const secret of secrets) expect(row.text).not.toContain(secret);
      expect(secrets).not.toContain(row.key);
    }
  });
});
