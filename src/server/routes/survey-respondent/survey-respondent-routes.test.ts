import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { surveyCodes, surveyResponses } from "../../db/schema.ts";
import { ensureSurveys, type SurveyRow } from "../../services/survey-rows.ts";
import { readTallies } from "../../services/survey-tally-rows.ts";
import { createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import {
  answerEveryScreen,
  firstOption,
  hiddenFields,
  postForm,
  screenItems,
} from "./test-respondent.ts";

const frameworks = loadFrameworks();
const framework = frameworks.get("ita-2566");
if (!framework) throw new Error("no ita-2566");

describe.each(engines)("survey respondent pages on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let eit: SurveyRow;
  let iit: SurveyRow;
  let agencyId: string;
  let assessmentId: string;
  // Inside the 2566 framework's collection window (2023-01-01 to 2023-06-30), in Bangkok.
  let clock = new Date("2023-03-15T03:00:00Z");
  const eitPath = () => `/go/eit/${eit.token}`;
  const iitPath = () => `/go/iit/${iit.token}`;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const scope = await createTwoAgencyYears(database.db);
    agencyId = scope.a;
    assessmentId = scope.assessmentA;
    [iit, eit] = (await ensureSurveys({ db: database.db, framework, agencyId, assessmentId })) as [
      SurveyRow,
      SurveyRow,
    ];
    await database.db.insert(surveyCodes).values(
      ["ABCD-2345", "EFGH-6789", "JKMN-2345"].map((code) => ({
        agencyId,
        assessmentId,
        tool: "IIT",
        code,
        batch: 1,
      })),
    );
    app = await buildApp({
      config: { LOG_LEVEL: "silent", SURVEY_RATE_PER_MINUTE: 1000 },
      database,
      frameworks,
      now: () => clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const responses = () =>
    database.db
      .select()
      .from(surveyResponses)
      .where(
        and(eq(surveyResponses.agencyId, agencyId), eq(surveyResponses.assessmentId, assessmentId)),
      );

  it("opens with who asks, the year, how anonymity is kept and how to start, private and script-free", async () => {
    const page = await app.inject({ url: eitPath() });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    expect(page.headers["content-security-policy"]).toContain("form-action 'self'");
    expect(page.body).toContain('<html lang="th">');
    expect(page.body).toContain("เทศบาลตำบลเอ");
    expect(page.body).toContain("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก");
    expect(page.body).toContain("ปีงบประมาณ</dt><dd>2566");
    expect(page.body).toContain("ไม่ถามชื่อ");
    expect(page.body).toContain("เก็บเพียงวันที่ตอบ");
    expect(page.body).toContain(`${screenItems(framework, "EIT").length} ส่วน`);
    expect(page.body).toContain(`action="${eitPath()}/start"`);
    expect(page.body).not.toContain("<script");
  });

  it("takes an open survey screen by screen, lists missing items, keeps answers going back, and stores once", async () => {
    const first = await postForm(app, `${eitPath()}/start`, {});
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("ส่วนที่ 1 จาก 3");
    expect(first.body).toMatch(/<progress max="3" value="1"/);
    expect(first.body).toContain("<fieldset");
    expect(first.body).toContain("<legend>");
    const key = hiddenFields(first.body)._key ?? "";
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    // Skipping two items: the screen comes back saying which, with links to them.
    const [items1 = []] = screenItems(framework, "EIT");
    const partial: Record<string, string> = { ...hiddenFields(first.body), _nav: "next" };
    const pickEit = firstOption(framework, "EIT");
    for (const item of items1.slice(2)) partial[`a:${item}`] = pickEit(item);
    const again = await postForm(app, `${eitPath()}/screen`, partial);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('role="alert"');
    expect(again.body).toContain("ยังไม่ได้ตอบ 2 ข้อ");
    expect(again.body).toContain('href="#item-e1_1"');
    expect(again.body).toContain('id="item-e1_1"');
    expect(again.body).toContain("ส่วนที่ 1 จาก 3");
    expect(again.body).toMatch(/name="a:e2" checked="" value="least"/);

    // Answered: on to screen 2; back again: screen 1 with every answer still chosen.
    const full = { ...partial, "a:e1.1": "most", "a:e1.2": "little" };
    const second = await postForm(app, `${eitPath()}/screen`, full);
    expect(second.body).toContain("ส่วนที่ 2 จาก 3");
    expect(hiddenFields(second.body)["a:e1.1"]).toBe("most");
    expect(hiddenFields(second.body)._key).toBe(key);
    const back = await postForm(app, `${eitPath()}/screen`, {
      ...hiddenFields(second.body),
      _nav: "back",
    });
    expect(back.body).toContain("ส่วนที่ 1 จาก 3");
    expect(back.body).toMatch(/name="a:e1.1" checked="" value="most"/);

    const done = await answerEveryScreen({
      app,
      base: eitPath(),
      firstScreen: back.body,
      framework,
      tool: "EIT",
      pick: (item) => (item === "e1.1" ? "most" : firstOption(framework, "EIT")(item)),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${eitPath()}/thanks`);
    const thanks = await app.inject({ url: done.headers.location ?? "" });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain("ขอบคุณที่ตอบแบบสำรวจ");

    const rows = await responses();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tool: "EIT",
      channel: "link",
      submittedOn: "2023-03-15",
      idempotencyKey: key,
    });
    expect(rows[0]?.answers["e1.1"]).toBe("most");
    const tallies = await readTallies(database.db, { agencyId, assessmentId });
    expect(tallies.respondents.EIT).toBe(1);
    expect(tallies.items["e1.1"]?.most).toBe(1);
  });

  it("answers a resubmission of the same form with the thank-you page, storing nothing more", async () => {
    const [row] = await responses();
    const fields: Record<string, string> = { _key: row?.idempotencyKey ?? "", _screen: "2" };
    for (const [item, option] of Object.entries(row?.answers ?? {})) fields[`a:${item}`] = option;
    const again = await postForm(app, `${eitPath()}/submit`, fields);
    expect(again.statusCode).toBe(303);
    expect(await responses()).toHaveLength(1);
    expect((await readTallies(database.db, { agencyId, assessmentId })).respondents.EIT).toBe(1);
  });

  it("admits a printed code once: prefilled from the QR address, unknown codes refused, a used one explained", async () => {
    const start = await app.inject({ url: `${iitPath()}?code=abcd-2345` });
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('value="abcd-2345"');
    expect(start.body).toContain("รหัสบนบัตร");

    const unknown = await postForm(app, `${iitPath()}/start`, { code: "ZZZZ-ZZZZ" });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain("ไม่พบรหัสนี้ ตรวจสอบอีกครั้ง");
    expect(unknown.body).toContain('role="alert"');

    const first = await postForm(app, `${iitPath()}/start`, { code: "abcd 2345" });
    expect(first.body).toContain("ส่วนที่ 1 จาก 5");
    expect(hiddenFields(first.body)._code).toBe("ABCD-2345");
    // Someone else starts with the same card before the first one finishes.
    const rival = await postForm(app, `${iitPath()}/start`, { code: "ABCD-2345" });
    const pick = firstOption(framework, "IIT");
    const done = await answerEveryScreen({
      app,
      base: iitPath(),
      firstScreen: first.body,
      framework,
      tool: "IIT",
      pick,
    });
    expect(done.statusCode).toBe(303);
    const lost = await answerEveryScreen({
      app,
      base: iitPath(),
      firstScreen: rival.body,
      framework,
      tool: "IIT",
      pick,
    });
    expect(lost.statusCode).toBe(409);
    expect(lost.body).toContain("รหัสนี้ใช้ตอบแล้ว");

    const reused = await postForm(app, `${iitPath()}/start`, { code: "ABCD-2345" });
    expect(reused.statusCode).toBe(409);
    expect(reused.body).toContain("รหัสนี้ใช้ตอบแล้ว");
    const [code] = await database.db
      .select()
      .from(surveyCodes)
      .where(and(eq(surveyCodes.agencyId, agencyId), eq(surveyCodes.code, "ABCD-2345")));
    expect(code?.used).toBe(true);
    const iitRows = (await responses()).filter((r) => r.tool === "IIT");
    expect(iitRows.map((r) => [r.channel, r.straightLine])).toEqual([["code", true]]);
    expect((await readTallies(database.db, { agencyId, assessmentId })).respondents.IIT).toBe(1);
  });

  it("says when the survey opens or that it has closed, in Thai dates, and stores nothing then", async () => {
    const first = await postForm(app, `${iitPath()}/start`, { code: "EFGH-6789" });
    clock = new Date("2022-12-31T10:00:00Z");
    const early = await app.inject({ url: eitPath() });
    expect(early.statusCode).toBe(200);
    expect(early.body).toContain("แบบสำรวจยังไม่เปิดรับคำตอบ");
    expect(early.body).toContain("1 มกราคม 2566");
    expect(early.body).toContain("30 มิถุนายน 2566");
    expect(early.body).not.toContain("<form");

    clock = new Date("2023-06-30T17:30:00Z"); // 1 July in Bangkok
    const late = await app.inject({ url: eitPath() });
    expect(late.statusCode).toBe(410);
    expect(late.body).toContain("แบบสำรวจปิดรับคำตอบแล้ว");
    const fields: Record<string, string> = { ...hiddenFields(first.body) };
    const pick = firstOption(framework, "IIT");
    for (const items of screenItems(framework, "IIT"))
      for (const item of items) fields[`a:${item}`] = pick(item);
    const refused = await postForm(app, `${iitPath()}/submit`, fields);
    expect(refused.statusCode).toBe(410);
    expect((await responses()).filter((r) => r.tool === "IIT")).toHaveLength(1);
    clock = new Date("2023-03-15T03:00:00Z");
  });

  it("answers unknown links, malformed addresses and lost forms with Thai pages", async () => {
    for (const url of ["/go/eit/nosuchtoken1", "/go/xyz/abcdefabcdef", "/go/eit/!!", "/go/eit"]) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).toContain("ไม่พบแบบสำรวจตามลิงก์นี้");
      expect(answer.headers["content-type"], url).toContain("text/html");
    }
    const lost = await postForm(app, `${eitPath()}/submit`, { "a:e2": "much" });
    expect(lost.statusCode).toBe(400);
    expect(lost.body).toContain("กรุณาเปิดลิงก์แบบสำรวจแล้วเริ่มใหม่");
  });

  it("refuses too many tries from one client with a Thai page", async () => {
    const limited = await buildApp({
      config: { LOG_LEVEL: "silent", SURVEY_RATE_PER_MINUTE: 2 },
      database,
      frameworks,
      now: () => clock,
    });
    try {
      const tries = [];
      for (let i = 0; i < 3; i++)
        tries.push(await postForm(limited, `${iitPath()}/start`, { code: "QQQQ-QQQQ" }));
      expect(tries.map((t) => t.statusCode)).toEqual([200, 200, 429]);
      expect(tries[2]?.body).toContain("ลองบ่อยเกินไป");
      expect(tries[2]?.headers["content-type"]).toContain("text/html");
    } finally {
      await limited.close();
    }
  });
});
