import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  LOGIN_FAILURES_BEFORE_LOCK,
  SESSION_COOKIE,
} from "../../../shared/limits.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { createUser } from "../../services/create-user.ts";
import { engines, freshDatabase } from "../../test-databases.ts";

const agency = "6f1c2a4e-0000-4000-8000-0000000000dd";
// Each test signs in from its own address, so the per-address throttle never crosses tests.
const login = (app: FastifyInstance, email: string, password: string, from = "10.0.0.1") =>
  app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: from,
  });

describe.each(engines)("sign-in on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", PUBLIC_URL: "https://ita.example.go.th" },
      database,
    });
    for (const email of ["coordinator@huaisak.go.th", "locked@huaisak.go.th"])
      await createUser({
        db: database.db,
        actor: "test",
        email,
        displayName: "ผู้ประสานงาน",
        password: "รหัสผ่านที่ถูกต้อง",
        memberships: [{ agencyId: agency, role: "agency_admin" }],
      });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("opens a session in a secure http-only cookie and knows who is signed in", async () => {
    const response = await login(app, "Coordinator@HuaiSak.go.th", "รหัสผ่านที่ถูกต้อง");
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    const me = await app.inject({
      url: "/api/auth/me",
      cookies: { [SESSION_COOKIE]: cookie?.value ?? "" },
    });
    expect(me.json()).toMatchObject({
      email: "coordinator@huaisak.go.th",
      memberships: [{ agencyId: agency, role: "agency_admin" }],
    });
    const cookies = {
      [SESSION_COOKIE]: cookie?.value ?? "",
      [CSRF_COOKIE]: response.cookies.find((c) => c.name === CSRF_COOKIE)?.value ?? "",
    };
    // A cookie-authenticated write without the CSRF header is refused; with it, it goes through.
    const forged = await app.inject({ method: "POST", url: "/api/auth/logout", cookies });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe("FORBIDDEN");
    const out = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies,
      headers: { [CSRF_HEADER]: cookies[CSRF_COOKIE] },
    });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({
      url: "/api/auth/me",
      cookies: { [SESSION_COOKIE]: cookie?.value ?? "" },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().error).toMatchObject({
      code: "UNAUTHENTICATED",
      message: "กรุณาเข้าสู่ระบบก่อน",
    });
  });

  it("answers a wrong password and an unknown e-mail alike", async () => {
    const wrong = await login(app, "coordinator@huaisak.go.th", "ผิด", "10.0.0.2");
    const unknown = await login(app, "nobody@huaisak.go.th", "ผิด", "10.0.0.2");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("locks an account after repeated failures, even against the right password", async () => {
    for (let i = 0; i < LOGIN_FAILURES_BEFORE_LOCK; i++)
      expect((await login(app, "locked@huaisak.go.th", "ผิด", "10.0.0.3")).statusCode).toBe(401);
    const locked = await login(app, "locked@huaisak.go.th", "รหัสผ่านที่ถูกต้อง", "10.0.0.3");
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe("ACCOUNT_LOCKED");
  });

  it("lists every problem of a malformed request, with a 400", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "x" },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["body.email", "body.password"]);
  });

  it("throttles sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await login(app, "nobody@huaisak.go.th", "ผิด")).statusCode);
    expect(statuses).toContain(429);
  });
});
