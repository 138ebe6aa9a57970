import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../../../shared/limits.ts";
import { buildApp } from "../../app.ts";
import type { Role } from "../../auth/authorize.ts";
import type { Database } from "../../db/database.ts";
import { NATIONAL_SCOPE } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { createUser } from "../../services/create-user.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";

describe.each(engines)("agency routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  // Signs a user with one role in one agency in; returns what a browser would send with writes.
  let people = 0;
  const as = async (role: Role, agencyId: string) => {
    people++;
    const email = `person-${people}@test.go.th`;
    await createUser({
      db: database.db,
      actor: "test",
      email,
      displayName: role,
      password: "รหัสผ่านทดสอบ",
      memberships: [{ agencyId, role }],
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "รหัสผ่านทดสอบ" },
      remoteAddress: `10.1.0.${people}`,
    });
    const cookie = (name: string) => login.cookies.find((c) => c.name === name)?.value ?? "";
    const cookies = {
      [SESSION_COOKIE]: cookie(SESSION_COOKIE),
      [CSRF_COOKIE]: cookie(CSRF_COOKIE),
    };
    return { cookies, headers: { [CSRF_HEADER]: cookies[CSRF_COOKIE] } };
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent", PUBLIC_URL: undefined }, database });
    a = (
      await createAgency({
        db: database.db,
        actor: "test",
        agency: buildAgency({ name: "เทศบาลตำบลเอ" }),
      })
    ).id;
    b = (
      await createAgency({
        db: database.db,
        actor: "test",
        agency: buildAgency({ name: "เทศบาลตำบลบี" }),
      })
    ).id;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets a coordinator read and change their own agency, audited", async () => {
    const coordinator = await as("agency_admin", a);
    const list = await app.inject({ url: "/api/agencies", ...coordinator });
    expect(list.json().map((x: { id: string }) => x.id)).toEqual([a]);
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${a}`,
      payload: { divisions: ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"], headName: "นายทดสอบ ระบบ" },
      ...coordinator,
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().divisions).toContain("กองช่าง");
    const report = await verifyAudit({ db: database.db });
    expect(report.problems).toEqual([]);
  });

  it("refuses every role of another agency, reading or writing", async () => {
    for (const role of ["agency_admin", "division_officer", "evaluator", "auditor"] as const) {
      const outsider = await as(role, b);
      const read = await app.inject({ url: `/api/agencies/${a}`, ...outsider });
      expect(read.statusCode, role).toBe(403);
      expect(read.json().error.message).toBe("คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้");
      const write = await app.inject({
        method: "PATCH",
        url: `/api/agencies/${a}`,
        payload: { headName: "x" },
        ...outsider,
      });
      expect(write.statusCode, role).toBe(403);
    }
  });

  it("lets an auditor read but not change", async () => {
    const auditor = await as("auditor", a);
    expect((await app.inject({ url: `/api/agencies/${a}`, ...auditor })).statusCode).toBe(200);
    const write = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${a}`,
      payload: { headName: "x" },
      ...auditor,
    });
    expect(write.statusCode).toBe(403);
  });

  it("shows a national administrator every agency", async () => {
    const admin = await as("national_admin", NATIONAL_SCOPE);
    const list = await app.inject({ url: "/api/agencies", ...admin });
    expect(
      list
        .json()
        .map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([a, b].sort());
    const missing = await app.inject({
      url: "/api/agencies/6f1c2a4e-0000-4000-8000-000000000999",
      ...admin,
    });
    expect(missing.statusCode).toBe(404);
  });

  it("asks strangers to sign in and lists every problem of a bad change", async () => {
    expect((await app.inject({ url: "/api/agencies" })).statusCode).toBe(401);
    const coordinator = await as("agency_admin", b);
    const bad = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${b}`,
      payload: { website: "ftp://x", divisions: [], colour: "red" },
      ...coordinator,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.colour", "body.divisions", "body.website"].sort());
  });

  it("refuses text with the NUL character, which the database cannot store, naming each field", async () => {
    const coordinator = await as("agency_admin", b);
    const bad = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${b}`,
      payload: { headName: "นาย\u0000ทดสอบ", divisions: ["กองคลัง", "\u0000"] },
      ...coordinator,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.headName",
      "body.divisions.1",
    ]);
    const after = await app.inject({ url: `/api/agencies/${b}`, ...coordinator });
    expect(after.json().divisions).not.toContain("\u0000");
    expect(String(after.json().headName)).not.toContain("ทดสอบ");
  });

  it("lets the national administrator register an agency, audited; agency roles may not", async () => {
    const national = await as("national_admin", NATIONAL_SCOPE);
    const payload = {
      name: "เทศบาลตำบลใหม่",
      type: "เทศบาลตำบล",
      province: "เชียงราย",
      district: "เมืองเชียงราย",
      website: "https://www.mai.go.th",
      headPosition: "นายกเทศมนตรีตำบลใหม่",
      divisions: ["สำนักปลัดเทศบาล", "กองคลัง"],
    };
    const created = await app.inject({
      method: "POST",
      url: "/api/agencies",
      payload,
      ...national,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...payload, nameEn: null, headName: null });
    const listed = await app.inject({ url: "/api/agencies", ...national });
    expect(listed.json().map((x: { name: string }) => x.name)).toContain("เทศบาลตำบลใหม่");
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);

    const coordinator = await as("agency_admin", a);
    const refused = await app.inject({
      method: "POST",
      url: "/api/agencies",
      payload: { ...payload, name: "เทศบาลตำบลแอบสร้าง" },
      ...coordinator,
    });
    expect(refused.statusCode).toBe(403);
    const after = await app.inject({ url: "/api/agencies", ...national });
    expect(after.json().map((x: { name: string }) => x.name)).not.toContain("เทศบาลตำบลแอบสร้าง");
  });

  it("lists every problem of a new agency and registers nothing", async () => {
    const national = await as("national_admin", NATIONAL_SCOPE);
    const before = (await app.inject({ url: "/api/agencies", ...national })).json().length;
    const bad = await app.inject({
      method: "POST",
      url: "/api/agencies",
      payload: { name: "", type: "หมู่บ้าน", website: "mai.go.th", divisions: [] },
      ...national,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "body.name",
        "body.type",
        "body.website",
        "body.divisions",
        "body.province",
        "body.district",
        "body.headPosition",
      ]),
    );
    expect((await app.inject({ url: "/api/agencies", ...national })).json()).toHaveLength(before);
  });
});
