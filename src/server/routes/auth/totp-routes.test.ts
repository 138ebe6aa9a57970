import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_MINUTES, LOGIN_FAILURES_BEFORE_LOCK } from "../../../shared/limits.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, NATIONAL_SCOPE, users } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs, TEST_PASSWORD } from "../../test-sessions.ts";

const agency = "6f1c2a4e-0000-4000-8000-0000000000ee";
const STEP = 30_000;

describe.each(engines)("TOTP on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  // The app's clock: a few seconds into a time step, moved on by the tests.
  let clock = new Date(Math.floor(Date.now() / STEP) * STEP + 5_000);
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const code = (secret: string, at = clock) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
  /** A code that matches none of the steps the server accepts now. */
  const wrongCode = (secret: string) => {
    const near = [-1, 0, 1].map((d) => code(secret, new Date(clock.getTime() + d * STEP)));
    let n = 0;
    while (near.includes(String(n).padStart(6, "0"))) n++;
    return String(n).padStart(6, "0");
  };
  let address = 0;
  const login = (email: string, extra: { password?: string; totp?: string } = {}) =>
    app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: TEST_PASSWORD, ...extra },
      remoteAddress: `10.252.0.${++address}`,
    });
  const post = (url: string, who: Browser, payload?: Record<string, unknown>) =>
    app.inject({ method: "POST", url: `/api/auth/totp/${url}`, payload, ...who });
  /** Signs a new person in and turns TOTP on for them; the confirming step is then spent. */
  const withTotp = async () => {
    const person = await signInAs(app, database, [{ agencyId: agency, role: "evaluator" }]);
    const { secret } = (await post("setup", person)).json();
    expect((await post("enable", person, { code: code(secret) })).statusCode).toBe(204);
    return { ...person, secret };
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database, now: () => clock });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("sets up, enables and then asks for a code at every sign-in, each code once", async () => {
    const person = await signInAs(app, database, [{ agencyId: agency, role: "auditor" }]);
    expect((await app.inject({ method: "POST", url: "/api/auth/totp/setup" })).statusCode).toBe(
      401,
    );
    const setup = await post("setup", person);
    expect(setup.statusCode).toBe(200);
    const { uri, secret } = setup.json();
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe("otpauth:");
    expect(parsed.host).toBe("totp");
    expect(decodeURIComponent(parsed.pathname)).toBe(`/Prongsai:${person.email}`);
    expect(Object.fromEntries(parsed.searchParams)).toEqual({
      issuer: "Prongsai",
      secret,
      algorithm: "SHA1",
      digits: "6",
      period: "30",
    });
    const [pending] = await database.db.select().from(users).where(eq(users.id, person.userId));
    expect(pending).toMatchObject({ totpSecret: secret, totpEnabledAt: null });
    // Not a second factor until confirmed: the password alone still signs in.
    expect((await login(person.email)).statusCode).toBe(200);

    const wrong = await post("enable", person, { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/^รหัสยืนยันตัวตนไม่ถูกต้อง/);
    expect(wrong.json().error.details[0].path).toBe("body.code");
    const malformed = await post("enable", person, { code: "12ab" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].th).toBe("ต้องเป็นรหัส 6 หลักจากแอปยืนยันตัวตน");
    const enabledAt = clock;
    expect((await post("enable", person, { code: code(secret) })).statusCode).toBe(204);
    expect((await app.inject({ url: "/api/auth/me", ...person })).json().totpEnabled).toBe(true);

    const required = await login(person.email);
    expect(required.statusCode).toBe(401);
    expect(required.json().error).toMatchObject({
      code: "TOTP_REQUIRED",
      message: "กรอกรหัสยืนยันตัวตน 6 หลักจากแอป",
    });
    // The code that confirmed the app is spent; so is every code once it has opened a session.
    const replayedFromEnable = await login(person.email, { totp: code(secret, enabledAt) });
    expect(replayedFromEnable.statusCode).toBe(401);
    later(STEP);
    const fresh = code(secret);
    expect((await login(person.email, { totp: fresh })).statusCode).toBe(200);
    const replayed = await login(person.email, { totp: fresh });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().error.code).toBe("TOTP_REQUIRED");
    // A step later the code is still inside the window allowed for clock drift, but spent.
    later(STEP);
    expect((await login(person.email, { totp: fresh })).statusCode).toBe(401);

    expect((await post("setup", person)).statusCode).toBe(409);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, person.userId));
    expect(audit.filter((e) => e.agencyId === NATIONAL_SCOPE).map((e) => e.action)).toEqual([
      "totp.setup",
      "totp.enable",
    ]);
    expect(JSON.stringify(await database.db.select().from(auditLog))).not.toContain(secret);
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("counts wrong codes as failed sign-ins, so they lock the account", async () => {
    const person = await withTotp();
    later(STEP);
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_LOCK; i++) {
      const wrong = await login(person.email, { totp: wrongCode(person.secret) });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe("TOTP_REQUIRED");
    }
    const locked = await login(person.email, { totp: code(person.secret) });
    expect(locked.statusCode).toBe(423);
    later(LOCK_MINUTES * 60_000 + STEP);
    // The lock has passed; a phone running a step behind is still accepted.
    const behind = code(person.secret, new Date(clock.getTime() - STEP));
    expect((await login(person.email, { totp: behind })).statusCode).toBe(200);
  });

  it("asks for the code only after the right password", async () => {
    const person = await withTotp();
    const wrongPassword = await login(person.email, { password: "ไม่ใช่รหัสนี้" });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("turns off only with the password and a fresh code", async () => {
    const person = await withTotp();
    later(STEP);
    const wrong = await post("disable", person, {
      password: "ไม่ใช่รหัสนี้",
      code: wrongCode(person.secret),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.password",
      "body.code",
    ]);
    const off = await post("disable", person, {
      password: TEST_PASSWORD,
      code: code(person.secret),
    });
    expect(off.statusCode).toBe(204);
    expect((await login(person.email)).statusCode).toBe(200);
    const [row] = await database.db.select().from(users).where(eq(users.id, person.userId));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "totp.disable"));
    expect(entry).toMatchObject({ agencyId: NATIONAL_SCOPE, entityId: person.userId });
    const again = await post("disable", person, {
      password: TEST_PASSWORD,
      code: code(person.secret),
    });
    expect(again.statusCode).toBe(409);
  });
});
