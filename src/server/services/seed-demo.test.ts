import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { CSRF_COOKIE, CSRF_HEADER } from "../../shared/limits.ts";
import { buildApp } from "../app.ts";
import { verifyPassword } from "../auth/passwords.ts";
import type { Database } from "../db/database.ts";
import {
  agencies,
  assessments,
  measures,
  memberships,
  oitAnswers,
  oitChecklists,
  results,
  surveyCodes,
  surveys,
  users,
} from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import type { DemoAccount, DemoSurvey } from "./seed-demo.ts";
import { seedDemo } from "./seed-demo.ts";
import { verifyAudit } from "./verify-audit.ts";

describe.each(engines)("seedDemo on %s", (engine) => {
  let database: Database;
  let accounts: DemoAccount[] | undefined;
  let survey: DemoSurvey | undefined;
  const frameworks = loadFrameworks();
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database?.close());

  it("gives an empty database the Huai Sak agency and three accounts with one-time passwords", async () => {
    const seeded = await seedDemo({ db: database.db, frameworks, today: "2026-05-01" });
    accounts = seeded?.accounts;
    survey = seeded?.survey;
    expect(accounts?.map((a) => [a.email, a.role])).toEqual([
      ["admin@prongsai.local", "national_admin"],
      ["coordinator@huaisak.local", "agency_admin"],
      ["evaluator@huaisak.local", "evaluator"],
    ]);
    const [agency] = await database.db.select().from(agencies);
    expect(agency?.name).toBe("เทศบาลตำบลห้วยสัก");
    expect(agency?.divisions).toContain("กองคลัง");
    for (const account of accounts ?? []) {
      const [user] = await database.db.select().from(users).where(eq(users.email, account.email));
      expect(await verifyPassword(user?.passwordHash ?? "", account.password)).toBe(true);
      expect(user?.passwordHash).not.toContain(account.password);
    }
    const coordinator = await database.db
      .select()
      .from(memberships)
      .where(eq(memberships.role, "agency_admin"));
    expect(coordinator[0]?.agencyId).toBe(agency?.id);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("gives the agency its year: the 2565 result and the 2566 measures with the example's thresholds", async () => {
    const { db } = database;
    const years = await db.select().from(assessments).orderBy(asc(assessments.fiscalYear));
    expect(years.map((y) => [y.fiscalYear, y.frameworkId])).toEqual([
      [2565, "ita-2565"],
      [2566, "ita-2566"],
    ]);
    expect(years[1]?.thresholds).toEqual({ strength: 80, weakness: 70 });
    const [result] = await db.select().from(results);
    expect(result?.assessmentId).toBe(years[0]?.id);
    expect(result?.computedOverall).toBeCloseTo(78.33, 2);
    expect(result?.computedLevel).toBe("B");
    const plan = await db.select().from(measures).orderBy(asc(measures.position));
    expect(plan).toHaveLength(4);
    expect(plan.every((m) => m.assessmentId === years[1]?.id && m.status === "planned")).toBe(true);
  });

  it("is usable at once: the coordinator signs in with the one-time password and gets the measures document", async () => {
    const app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    try {
      const coordinator = accounts?.find((a) => a.email === "coordinator@huaisak.local");
      const login = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: coordinator?.email, password: coordinator?.password },
      });
      expect(login.statusCode, login.body).toBe(200);
      const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
      const browser = { cookies, headers: { [CSRF_HEADER]: cookies[CSRF_COOKIE] ?? "" } };
      const [agency] = await database.db.select().from(agencies);
      const [year] = await database.db
        .select()
        .from(assessments)
        .where(eq(assessments.fiscalYear, 2566));
      const url = `/api/agencies/${agency?.id}/assessments/${year?.id}/documents`;
      const generated = await app.inject({
        method: "POST",
        url,
        payload: { kind: "measures", formats: ["html"] },
        ...browser,
      });
      expect(generated.statusCode, generated.body).toBe(201);
      const html = await app.inject({
        method: "GET",
        url: `${url}/${generated.json().id}/html`,
        ...browser,
      });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain("เทศบาลตำบลห้วยสัก");
      expect(html.body).toContain("จัดทำมาตรการภายในเพื่อส่งเสริมความโปร่งใสและป้องกันการทุจริต");
    } finally {
      await app.close();
    }
  });

  it("opens the latest year's surveys from the seed day for 60 days, with 20 printed IIT codes", async () => {
    const rows = await database.db.select().from(surveys);
    expect(rows.map((r) => [r.tool, r.access, r.opensOn, r.closesOn])).toEqual(
      expect.arrayContaining([
        ["IIT", "code", "2026-05-01", "2026-06-30"],
        ["EIT", "open", "2026-05-01", "2026-06-30"],
      ]),
    );
    const codes = await database.db.select().from(surveyCodes);
    expect(codes).toHaveLength(20);
    expect(codes.every((c) => c.tool === "IIT" && c.batch === 1 && !c.used)).toBe(true);
    expect(codes.map((c) => c.code)).toContain(survey?.code);
    const iit = rows.find((r) => r.tool === "IIT");
    expect(survey?.links.IIT).toBe(`/go/iit/${iit?.token}`);
  });

  it("opens the latest year's OIT from the seed day with five draft answers", async () => {
    const [checklist] = await database.db.select().from(oitChecklists);
    expect(checklist?.windows?.["oit-submission"]).toEqual({
      start: "2026-05-01",
      end: "2026-05-31",
    });
    expect(checklist?.submittedAt).toBeNull();
    const answers = await database.db.select().from(oitAnswers);
    expect(answers.map((a) => a.itemId)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
    expect(answers[0]?.urls[0]).toMatch(/^https:\/\/www\.huaisak\.go\.th\/ita\//);
  });

  it("leaves a database that already has data alone", async () => {
    expect(await seedDemo({ db: database.db, frameworks })).toBeUndefined();
    expect(await database.db.select().from(users)).toHaveLength(3);
  });
});
