import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, NATIONAL_SCOPE, passwordResets, users } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { capturingMailer } from "../../test-mail.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const memberRoles = ["agency_admin", "division_officer", "evaluator", "auditor"] as const;

describe.each(engines)("member routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const mailer = capturingMailer();
  const clock = new Date();
  let a: string;
  let b: string;
  let adminA: Browser;
  let address = 0;
  const login = (email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      remoteAddress: `10.250.0.${++address}`,
    });
  const add = (agencyId: string, who: Browser, payload: Record<string, unknown>) =>
    app.inject({
      method: "POST",
      url: `/api/agencies/${agencyId}/members`,
      payload,
      ...who,
    });
  const newAgency = async (name: string) =>
    (await createAgency({ db: database.db, actor: "test", agency: buildAgency({ name }) })).id;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", PUBLIC_URL: "https://ita.example.go.th" },
      database,
      mailer,
      now: () => clock,
    });
    a = await newAgency("เทศบาลตำบลเอ");
    b = await newAgency("เทศบาลตำบลบี");
    adminA = await signInAs(app, database, [{ agencyId: a, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("creates an account with a set-password link that works once, audited without secrets", async () => {
    const response = await add(a, adminA, {
      email: "New.Officer@A.go.th",
      displayName: "นางสาวใหม่ ทดสอบ",
      role: "division_officer",
      division: "กองคลัง",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      email: "new.officer@a.go.th",
      displayName: "นางสาวใหม่ ทดสอบ",
      role: "division_officer",
      division: "กองคลัง",
      totpEnabled: false,
      accountCreated: true,
      emailSent: true,
    });
    const link = mailer.linkTo("new.officer@a.go.th");
    expect(`${link.origin}${link.pathname}`).toBe("https://ita.example.go.th/reset-password");
    const token = link.searchParams.get("token") ?? "";
    // Only the token's hash is stored, and the link lasts a week.
    const [reset] = await database.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, createHash("sha256").update(token).digest("hex")));
    expect(reset?.expiresAt.getTime()).toBe(clock.getTime() + 7 * 24 * 3_600_000);
    expect(JSON.stringify(await database.db.select().from(passwordResets))).not.toContain(token);
    // No password works before the owner sets one.
    expect((await login("new.officer@a.go.th", "")).statusCode).toBe(400);
    expect((await login("new.officer@a.go.th", "undefined")).statusCode).toBe(401);

    const confirm = () =>
      app.inject({
        method: "POST",
        url: "/api/auth/password-reset/confirm",
        payload: { token, password: "รหัสผ่านของฉันเอง" },
        remoteAddress: "10.250.1.1",
      });
    expect((await confirm()).statusCode).toBe(204);
    expect((await confirm()).statusCode).toBe(400);
    const signedIn = await login("new.officer@a.go.th", "รหัสผ่านของฉันเอง");
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().memberships).toEqual([
      { agencyId: a, role: "division_officer", division: "กองคลัง" },
    ]);

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.agencyId, a));
    expect(audit.map((e) => e.action)).toContain("membership.create");
    const everything = JSON.stringify(await database.db.select().from(auditLog));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("argon2");
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("adds an existing account to another agency, and refuses a second membership with 409", async () => {
    const existing = await signInAs(app, database, [{ agencyId: b, role: "evaluator" }]);
    const first = await add(a, adminA, {
      email: existing.email,
      displayName: "ชื่อที่ไม่ถูกใช้",
      role: "auditor",
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id: existing.userId,
      displayName: "evaluator",
      role: "auditor",
      division: null,
      accountCreated: false,
      emailSent: true,
    });
    expect(mailer.sent.at(-1)?.to).toBe(existing.email);
    expect(mailer.sent.at(-1)?.text).not.toContain("token=");

    const again = await add(a, adminA, {
      email: existing.email.toUpperCase(),
      displayName: "ซ้ำ",
      role: "evaluator",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "CONFLICT",
      message: "ผู้ใช้นี้เป็นสมาชิกของหน่วยงานอยู่แล้ว หากต้องการเปลี่ยนบทบาท ให้แก้ไขบทบาทแทน",
    });
    const list = await app.inject({ url: `/api/agencies/${a}/members`, ...adminA });
    expect(list.json().filter((m: { id: string }) => m.id === existing.userId)).toHaveLength(1);
    // The same person keeps their role in their own agency.
    const own = await app.inject({ url: "/api/auth/me", ...existing });
    expect(own.json().memberships).toHaveLength(2);
  });

  it("requires a division of the agency for division officers and refuses one for anyone else", async () => {
    const before = (await database.db.select().from(users)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ role: "division_officer" }, "body.division"],
      [{ role: "evaluator", division: "กองคลัง" }, "body.division"],
      [{ role: "division_officer", division: "กองที่ไม่มีอยู่จริง" }, "body.division"],
      [{ role: "national_admin" }, "body.role"],
    ];
    for (const [fields, path] of cases) {
      const response = await add(a, adminA, {
        email: "division-rules@a.go.th",
        displayName: "ทดสอบกฎกอง",
        ...fields,
      });
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
      expect(response.json().error.details[0].th).toMatch(/[ก-๙]/);
    }
    expect(await database.db.select().from(users)).toHaveLength(before);
    expect(mailer.sent.some((m) => m.to === "division-rules@a.go.th")).toBe(false);

    const member = await signInAs(app, database, [{ agencyId: a, role: "evaluator" }]);
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${a}/members/${member.userId}`,
      payload: { role: "division_officer", division: "กองไม่มี" },
      ...adminA,
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0].path).toBe("body.division");
  });

  it("keeps at least one administrator in every agency", async () => {
    const c = await newAgency("เทศบาลตำบลซี");
    const lone = await signInAs(app, database, [{ agencyId: c, role: "agency_admin" }]);
    const remove = (userId: string, who: Browser) =>
      app.inject({ method: "DELETE", url: `/api/agencies/${c}/members/${userId}`, ...who });
    const refused = await remove(lone.userId, lone);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("ผู้ดูแลระบบคนสุดท้าย");
    const demote = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${c}/members/${lone.userId}`,
      payload: { role: "evaluator" },
      ...lone,
    });
    expect(demote.statusCode).toBe(409);

    const second = await add(c, lone, {
      email: "second-admin@c.go.th",
      displayName: "ผู้ดูแลคนที่สอง",
      role: "agency_admin",
    });
    expect(second.statusCode).toBe(201);
    expect((await remove(lone.userId, lone)).statusCode).toBe(204);
    // The change applies at once: the removed admin's session no longer reaches the agency.
    const after = await app.inject({ url: `/api/agencies/${c}/members`, ...lone });
    expect(after.statusCode).toBe(403);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.agencyId, c));
    expect(audit.at(-1)).toMatchObject({ action: "membership.delete", entityId: lone.userId });
  });

  it("changes a member's role, audited; a member of another agency is not found here", async () => {
    const member = await signInAs(app, database, [{ agencyId: a, role: "evaluator" }]);
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/agencies/${a}/members/${member.userId}`,
      payload: { role: "division_officer", division: "กองช่าง" },
      ...adminA,
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ role: "division_officer", division: "กองช่าง" });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "membership.update"));
    expect(entry).toMatchObject({
      agencyId: a,
      before: [{ role: "evaluator", division: null }],
      after: { role: "division_officer", division: "กองช่าง" },
    });

    const elsewhere = await signInAs(app, database, [{ agencyId: b, role: "evaluator" }]);
    const url = `/api/agencies/${a}/members/${elsewhere.userId}`;
    const change = await app.inject({
      method: "PATCH",
      url,
      payload: { role: "auditor" },
      ...adminA,
    });
    expect(change.statusCode).toBe(404);
    expect((await app.inject({ method: "DELETE", url, ...adminA })).statusCode).toBe(404);
    const bad = await app.inject({
      method: "DELETE",
      url: `/api/agencies/${a}/members/not-a-uuid`,
      ...adminA,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("refuses every role of another agency on every member route, and non-administrators", async () => {
    const target = await signInAs(app, database, [{ agencyId: a, role: "auditor" }]);
    const attempts = (who: Browser) => [
      app.inject({ url: `/api/agencies/${a}/members`, ...who }),
      add(a, who, { email: "refused@a.go.th", displayName: "ไม่ควรถูกเพิ่ม", role: "auditor" }),
      app.inject({
        method: "PATCH",
        url: `/api/agencies/${a}/members/${target.userId}`,
        payload: { role: "evaluator" },
        ...who,
      }),
      app.inject({
        method: "DELETE",
        url: `/api/agencies/${a}/members/${target.userId}`,
        ...who,
      }),
    ];
    for (const role of memberRoles) {
      const outsider = await signInAs(app, database, [{ agencyId: b, role, division: "กองคลัง" }]);
      for (const [i, response] of (await Promise.all(attempts(outsider))).entries()) {
        expect(response.statusCode, `${role}, route ${i}`).toBe(403);
        expect(response.json().error.message).toBe("คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้");
      }
    }
    for (const role of ["division_officer", "evaluator", "auditor"] as const) {
      const insider = await signInAs(app, database, [{ agencyId: a, role, division: "กองคลัง" }]);
      const [read, ...writes] = await Promise.all(attempts(insider));
      // Auditors may see who holds which role; nobody but an administrator changes it.
      expect(read?.statusCode, role).toBe(role === "auditor" ? 200 : 403);
      for (const write of writes) expect(write.statusCode, role).toBe(403);
    }
    expect((await app.inject({ url: `/api/agencies/${a}/members` })).statusCode).toBe(401);
    expect(mailer.sent.some((m) => m.to === "refused@a.go.th")).toBe(false);
  });

  it("lists members with their roles and never a hash or secret; a national administrator sees any agency", async () => {
    const national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
    const list = await app.inject({ url: `/api/agencies/${a}/members`, ...national });
    expect(list.statusCode).toBe(200);
    const members = list.json();
    expect(members.length).toBeGreaterThan(2);
    expect(Object.keys(members[0]).sort()).toEqual(
      ["displayName", "division", "email", "id", "role", "totpEnabled"].sort(),
    );
    expect(list.body).not.toContain("argon2");
    const missing = await app.inject({
      url: "/api/agencies/6f1c2a4e-0000-4000-8000-000000000999/members",
      ...national,
    });
    expect(missing.statusCode).toBe(404);
  });
});
