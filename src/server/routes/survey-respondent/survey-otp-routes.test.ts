import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { surveyCodes, surveyOtps, surveyResponses, surveys } from "../../db/schema.ts";
import { ensureSurveys, type SurveyRow } from "../../services/survey-rows.ts";
import { readTallies } from "../../services/survey-tally-rows.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { answerEveryScreen, firstOption, hiddenFields, postForm } from "./test-respondent.ts";

const frameworks = loadFrameworks();
const framework = frameworks.get("ita-2566");
if (!framework) throw new Error("no ita-2566");

const CLIENT = "203.0.113.77";
const PHONE_AGENT = "CheapPhone/1.0 (survey-test)";

describe.each(engines)("survey one-time passwords and anonymity on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let eit: SurveyRow;
  let iit: SurveyRow;
  let agencyId: string;
  let assessmentId: string;
  let clock = new Date("2023-03-15T03:00:00Z");
  const sent: { contact: string; code: string }[] = [];
  const logLines: string[] = [];
  const client = { remoteAddress: CLIENT, headers: { "user-agent": PHONE_AGENT } };
  const base = () => `/go/eit/${eit.token}`;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const scope = await createTwoAgencyYears(database.db);
    agencyId = scope.a;
    assessmentId = scope.assessmentA;
    [iit, eit] = (await ensureSurveys({ db: database.db, framework, agencyId, assessmentId })) as [
      SurveyRow,
      SurveyRow,
    ];
    await database.db
      .update(surveys)
      .set({ access: "otp" })
      .where(and(eq(surveys.agencyId, agencyId), eq(surveys.tool, "EIT")));
    await database.db
      .insert(surveyCodes)
      .values({ agencyId, assessmentId, tool: "IIT", code: "WXYZ-2345", batch: 1 });
    app = await buildApp({
      config: { LOG_LEVEL: "trace", SURVEY_RATE_PER_MINUTE: 1000 },
      database,
      frameworks,
      now: () => clock,
      surveyOtpSender: { send: async (contact, code) => void sent.push({ contact, code }) },
      logStream: { write: (line) => void logLines.push(line) },
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const lastCode = () => sent.at(-1)?.code ?? "";

  it("asks for a phone number or e-mail and sends a six-digit code, storing only hashes", async () => {
    const start = await app.inject({ url: base() });
    expect(start.body).toContain("เบอร์โทรศัพท์มือถือหรืออีเมล");
    const bad = await postForm(app, `${base()}/otp`, { contact: "12345" }, client);
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain("กรุณากรอกเบอร์โทรศัพท์มือถือ 10 หลัก หรืออีเมลให้ถูกต้อง");
    expect(sent).toHaveLength(0);

    const asked = await postForm(app, `${base()}/otp`, { contact: "+66 81-234-5678" }, client);
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain("รหัสยืนยัน 6 หลัก");
    expect(sent).toEqual([{ contact: "0812345678", code: expect.stringMatching(/^\d{6}$/) }]);
    const rows = await database.db.select().from(surveyOtps);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain("0812345678");
    expect(JSON.stringify(rows)).not.toContain(`"${lastCode()}"`);
    expect(rows[0]?.contactHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("counts wrong codes, then lets the right one in and stores the response once per contact", async () => {
    const wrong = await postForm(
      app,
      `${base()}/otp/confirm`,
      { contact: "0812345678", otp: lastCode() === "000000" ? "111111" : "000000" },
      client,
    );
    expect(wrong.statusCode).toBe(200);
    expect(wrong.body).toContain("รหัสยืนยันไม่ถูกต้อง กรอกได้อีก 4 ครั้ง");
    const first = await postForm(
      app,
      `${base()}/otp/confirm`,
      { contact: "0812345678", otp: lastCode() },
      client,
    );
    expect(first.body).toContain("ส่วนที่ 1 จาก 3");
    const pass = hiddenFields(first.body)._pass ?? "";
    expect(pass.length).toBeGreaterThan(20);
    const done = await answerEveryScreen({
      app,
      base: base(),
      firstScreen: first.body,
      framework,
      tool: "EIT",
      pick: firstOption(framework, "EIT"),
      extra: client,
    });
    expect(done.statusCode).toBe(303);
    const [otp] = await database.db.select().from(surveyOtps);
    expect(otp?.used).toBe(true);
    expect(otp?.passHash).not.toBe(pass);
    const tallies = await readTallies(database.db, { agencyId, assessmentId });
    expect(tallies.respondents.EIT).toBe(1);

    const again = await postForm(app, `${base()}/otp`, { contact: "0812345678" }, client);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("ท่านตอบแบบสำรวจนี้แล้ว");
  });

  it("stops after five wrong codes, and a code expires after ten minutes", async () => {
    await postForm(app, `${base()}/otp`, { contact: "someone@example.org" }, client);
    const right = lastCode();
    const wrongCode = right === "999999" ? "888888" : "999999";
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(
        await postForm(
          app,
          `${base()}/otp/confirm`,
          { contact: "Someone@Example.org", otp: wrongCode },
          client,
        ),
      );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 409]);
    expect(answers[4]?.body).toContain("กรอกรหัสยืนยันผิดหลายครั้งเกินไป");
    const late = await postForm(
      app,
      `${base()}/otp/confirm`,
      { contact: "someone@example.org", otp: right },
      client,
    );
    expect(late.statusCode).toBe(409);

    await postForm(app, `${base()}/otp`, { contact: "0898765432" }, client);
    clock = new Date(clock.getTime() + 11 * 60 * 1000);
    const expired = await postForm(
      app,
      `${base()}/otp/confirm`,
      { contact: "0898765432", otp: lastCode() },
      client,
    );
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("รหัสยืนยันหมดอายุแล้ว");
  });

  it("keeps no address, agent, code or contact in the stored response or in any log line", async () => {
    const first = await postForm(app, `/go/iit/${iit.token}/start`, { code: "WXYZ-2345" }, client);
    const done = await answerEveryScreen({
      app,
      base: `/go/iit/${iit.token}`,
      firstScreen: first.body,
      framework,
      tool: "IIT",
      pick: firstOption(framework, "IIT"),
      extra: client,
    });
    expect(done.statusCode).toBe(303);
    await app.inject({ url: `/go/iit/${iit.token}/nothing-here?code=WXYZ-2345`, ...client });
    const rows = await database.db.select().from(surveyResponses);
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(
        [
          "agencyId",
          "answers",
          "assessmentId",
          "channel",
          "id",
          "idempotencyKey",
          "straightLine",
          "submittedOn",
          "tool",
        ].sort(),
      );
    const stored = JSON.stringify(rows);
    for (const secret of [CLIENT, PHONE_AGENT, "WXYZ-2345", "0812345678"])
      expect(stored).not.toContain(secret);

    const logged = logLines.join("");
    for (const secret of [CLIENT, PHONE_AGENT, "WXYZ-2345", "0812345678", "someone@example.org"])
      expect(logged).not.toContain(secret);
    // The capture works: a route outside the survey still logs its requests with the address.
    await app.inject({ url: "/healthz", ...client });
    expect(logLines.join("")).toContain(CLIENT);
  });

  it("takes a respondent's post even when the browser also holds a session of the admin app", async () => {
    const answer = await app.inject({
      method: "POST",
      url: `/go/iit/${iit.token}/start`,
      payload: "code=NOPE-NOPE",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      cookies: { prongsai_session: "stale" },
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain("ไม่พบรหัสนี้ ตรวจสอบอีกครั้ง");
  });
});
