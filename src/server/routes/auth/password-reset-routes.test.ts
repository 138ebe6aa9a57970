import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LOGIN_FAILURES_BEFORE_LOCK,
  MAX_LIVE_RESET_LINKS,
  RESET_LINK_MINUTES,
  RESET_REQUESTS_PER_MINUTE,
} from "../../../shared/limits.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, NATIONAL_SCOPE, passwordResets } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { capturingMailer } from "../../test-mail.ts";
import { signInAs, TEST_PASSWORD } from "../../test-sessions.ts";

const agency = "6f1c2a4e-0000-4000-8000-0000000000ff";
const NEW_PASSWORD = "รหัสผ่านใหม่ที่ยาวพอ";

describe.each(engines)("password reset on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  const mailer = capturingMailer();
  let clock = new Date();
  let address = 0;
  const from = () => `10.253.${address >> 8}.${++address & 255}`;
  const login = (email: string, password: string) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      remoteAddress: from(),
    });
  const requestReset = (email: string, remoteAddress = from()) =>
    app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email },
      remoteAddress,
    });
  const confirm = (token: string, password = NEW_PASSWORD) =>
    app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password },
      remoteAddress: from(),
    });
  const person = () => signInAs(app, database, [{ agencyId: agency, role: "evaluator" }]);
  const tokenFor = (email: string) => mailer.linkTo(email).searchParams.get("token") ?? "";

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", PUBLIC_URL: "https://ita.example.go.th/" },
      database,
      mailer,
      now: () => clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("answers an unknown email exactly like a known one, and mails only the known", async () => {
    const known = await person();
    const sentBefore = mailer.sent.length;
    const unknown = await requestReset("nobody-here@test.go.th");
    const found = await requestReset(known.email.toUpperCase());
    expect(unknown.statusCode).toBe(202);
    expect(found.statusCode).toBe(202);
    expect(unknown.body).toBe(found.body);
    expect(found.json().message).toMatch(/^หากอีเมลนี้มีบัญชีในระบบ/);
    expect(mailer.sent.slice(sentBefore).map((m) => m.to)).toEqual([known.email]);
  });

  it("sets a new password once, clears the lock and ends every session", async () => {
    const known = await person();
    const second = await login(known.email, TEST_PASSWORD);
    expect(second.statusCode).toBe(200);
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_LOCK; i++) await login(known.email, "ผิดทุกครั้ง");
    expect((await login(known.email, TEST_PASSWORD)).statusCode).toBe(423);

    expect((await requestReset(known.email)).statusCode).toBe(202);
    const link = mailer.linkTo(known.email);
    expect(`${link.origin}${link.pathname}`).toBe("https://ita.example.go.th/reset-password");
    const token = tokenFor(known.email);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = await database.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, known.userId));
    expect(stored).toEqual([
      {
        tokenHash: createHash("sha256").update(token).digest("hex"),
        userId: known.userId,
        expiresAt: new Date(clock.getTime() + RESET_LINK_MINUTES * 60_000),
        usedAt: null,
      },
    ]);

    // A password that breaks the policy changes nothing, and the link still works afterwards.
    const short = await confirm(token, "สั้นไป");
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      {
        path: "body.password",
        th: "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร",
        en: "the password must be at least 10 characters long",
      },
    ]);
    expect((await confirm(token)).statusCode).toBe(204);
    const reused = await confirm(token, "อีกรหัสหนึ่งที่ยาวพอ");
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.message).toMatch(/^ลิงก์นี้ใช้ไม่ได้/);

    // Every session of the account has ended, and only the new password opens a new one.
    expect((await app.inject({ url: "/api/auth/me", ...known })).statusCode).toBe(401);
    const secondCookie = second.cookies.find((c) => c.name === "prongsai_session")?.value ?? "";
    const me = await app.inject({
      url: "/api/auth/me",
      cookies: { prongsai_session: secondCookie },
    });
    expect(me.statusCode).toBe(401);
    expect((await login(known.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(known.email, NEW_PASSWORD)).statusCode).toBe(200);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, known.userId));
    const national = audit.filter((e) => e.agencyId === NATIONAL_SCOPE);
    expect(national.map((e) => e.action)).toEqual(["password.reset_request", "password.reset"]);
    expect(national[1]?.after).toEqual({ sessionsEnded: 2 });
    expect(JSON.stringify(await database.db.select().from(auditLog))).not.toContain(token);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses an expired link and an unknown one", async () => {
    const known = await person();
    await requestReset(known.email);
    const token = tokenFor(known.email);
    clock = new Date(clock.getTime() + RESET_LINK_MINUTES * 60_000 + 1_000);
    const expired = await confirm(token);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.details[0].path).toBe("body.token");
    expect((await confirm("not-a-token-we-ever-sent")).statusCode).toBe(400);
    expect((await login(known.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it("throttles requests per address and never floods one mailbox", async () => {
    const known = await person();
    const statuses: number[] = [];
    for (let i = 0; i <= RESET_REQUESTS_PER_MINUTE; i++)
      statuses.push((await requestReset("someone@test.go.th", "10.254.0.1")).statusCode);
    expect(statuses.slice(0, RESET_REQUESTS_PER_MINUTE).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);

    for (let i = 0; i < MAX_LIVE_RESET_LINKS + 2; i++)
      expect((await requestReset(known.email)).statusCode).toBe(202);
    expect(mailer.sent.filter((m) => m.to === known.email)).toHaveLength(MAX_LIVE_RESET_LINKS);
  });
});
