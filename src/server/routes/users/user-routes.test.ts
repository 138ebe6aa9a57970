import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, NATIONAL_SCOPE, users } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { capturingMailer } from "../../test-mail.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

describe.each(engines)("user routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const mailer = capturingMailer();
  let a: string;
  let national: Browser;
  const create = (who: Browser, payload: Record<string, unknown>) =>
    app.inject({ method: "POST", url: "/api/users", payload, ...who });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, mailer });
    a = (
      await createAgency({
        db: database.db,
        actor: "test",
        agency: buildAgency({ name: "เทศบาลตำบลเอ" }),
      })
    ).id;
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets a national administrator create another one, who sets a password by the emailed link", async () => {
    const response = await create(national, {
      email: "Second.Admin@prongsai.go.th",
      displayName: "ผู้ดูแลระบบคนที่สอง",
      memberships: [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: "second.admin@prongsai.go.th",
      totpEnabled: false,
      emailSent: true,
      memberships: [{ agencyId: NATIONAL_SCOPE, role: "national_admin", division: null }],
    });
    // Without PUBLIC_URL the link points at the local server.
    const link = mailer.linkTo("second.admin@prongsai.go.th");
    expect(link.origin).toBe("http://localhost:3000");
    const confirm = await app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token: link.searchParams.get("token"), password: "ผู้ดูแลคนใหม่ 2567" },
    });
    expect(confirm.statusCode).toBe(204);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "second.admin@prongsai.go.th", password: "ผู้ดูแลคนใหม่ 2567" },
      remoteAddress: "10.251.0.1",
    });
    expect(login.statusCode).toBe(200);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, response.json().id));
    expect(entry).toMatchObject({ agencyId: NATIONAL_SCOPE, action: "membership.create" });
  });

  it("creates an account with an agency role and refuses an email that has an account with 409", async () => {
    const response = await create(national, {
      email: "two-roles@a.go.th",
      displayName: "สองบทบาท",
      memberships: [{ agencyId: a, role: "division_officer", division: "กองช่าง" }],
    });
    expect(response.statusCode).toBe(201);
    const again = await create(national, {
      email: "TWO-ROLES@a.go.th",
      displayName: "ซ้ำ",
      memberships: [{ agencyId: a, role: "auditor" }],
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "CONFLICT",
      message: "มีบัญชีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว",
    });
    const rows = await database.db.select().from(users).where(eq(users.email, "two-roles@a.go.th"));
    expect(rows).toHaveLength(1);
  });

  it("lists every problem of the memberships and creates nothing", async () => {
    const before = (await database.db.select().from(users)).length;
    const response = await create(national, {
      email: "wrong-places@a.go.th",
      displayName: "ผิดที่",
      memberships: [
        { agencyId: a, role: "national_admin" },
        { agencyId: NATIONAL_SCOPE, role: "auditor" },
        { agencyId: "6f1c2a4e-0000-4000-8000-000000000999", role: "evaluator" },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.memberships.0.agencyId",
      "body.memberships.1.agencyId",
      "body.memberships.2.agencyId",
    ]);
    const shape = await create(national, {
      email: "not-an-email",
      displayName: "",
      memberships: [
        { agencyId: a, role: "evaluator", division: "กองคลัง" },
        { agencyId: a, role: "auditor" },
      ],
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(
      [
        "body.displayName",
        "body.email",
        "body.memberships.0.division",
        "body.memberships.1.agencyId",
      ].sort(),
    );
    expect(await database.db.select().from(users)).toHaveLength(before);
  });

  it("pages through accounts and finds them by part of the email", async () => {
    for (const n of [1, 2, 3])
      await create(national, {
        email: `paged-${n}@search.go.th`,
        displayName: `ค้นหา ${n}`,
        memberships: [{ agencyId: a, role: "evaluator" }],
      });
    const page = await app.inject({
      url: "/api/users?email=SEARCH.go&page=2&pageSize=2",
      ...national,
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.json().items.map((u: { email: string }) => u.email)).toEqual([
      "paged-3@search.go.th",
    ]);
    expect(page.json().items[0].memberships).toEqual([
      { agencyId: a, role: "evaluator", division: null },
    ]);
    expect(page.body).not.toContain("argon2");
    // LIKE wildcards in the search match only themselves.
    const wildcard = await app.inject({ url: "/api/users?email=%25", ...national });
    expect(wildcard.json().total).toBe(0);
    const bad = await app.inject({ url: "/api/users?pageSize=1000", ...national });
    expect(bad.statusCode).toBe(400);
  });

  it("refuses everyone but national administrators", async () => {
    for (const role of ["agency_admin", "division_officer", "evaluator", "auditor"] as const) {
      const member = await signInAs(app, database, [{ agencyId: a, role }]);
      expect((await app.inject({ url: "/api/users", ...member })).statusCode, role).toBe(403);
      const attempt = await create(member, {
        email: `made-by-${role}@a.go.th`,
        displayName: "ไม่ควรถูกสร้าง",
        memberships: [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }],
      });
      expect(attempt.statusCode, role).toBe(403);
    }
    expect((await app.inject({ url: "/api/users" })).statusCode).toBe(401);
    expect(mailer.sent.some((m) => m.to.startsWith("made-by-"))).toBe(false);
  });
});
