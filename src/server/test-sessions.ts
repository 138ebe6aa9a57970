import type { FastifyInstance } from "fastify";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../shared/limits.ts";
import type { Membership } from "./auth/authorize.ts";
import type { Database } from "./db/database.ts";
import { createUser } from "./services/create-user.ts";

/** What a signed-in browser sends with each request: its cookies and the CSRF header. */
export interface Browser {
  cookies: Record<string, string>;
  headers: Record<string, string>;
}

export const TEST_PASSWORD = "รหัสผ่านทดสอบ";
let people = 0;

/** Creates a person with the given memberships and signs them in through the real login route. */
export async function signInAs(
  app: FastifyInstance,
  database: Database,
  memberships: Membership[],
): Promise<Browser & { userId: string; email: string }> {
  people++;
  const email = `person-${people}-${process.pid}@test.go.th`;
  const { id } = await createUser({
    db: database.db,
    actor: "test",
    email,
    displayName: memberships.map((m) => m.role).join(" ") || "no role",
    password: TEST_PASSWORD,
    memberships,
  });
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: TEST_PASSWORD },
    // Each person signs in from an address of their own so per-address throttling stays out of the way.
    remoteAddress: `10.${(people >> 16) & 255}.${(people >> 8) & 255}.${people & 255}`,
  });
  if (login.statusCode !== 200) throw new Error(`test sign-in failed: ${login.body}`);
  const cookie = (name: string) => login.cookies.find((c) => c.name === name)?.value ?? "";
  const cookies = { [SESSION_COOKIE]: cookie(SESSION_COOKIE), [CSRF_COOKIE]: cookie(CSRF_COOKIE) };
  return { userId: id, email, cookies, headers: { [CSRF_HEADER]: cookies[CSRF_COOKIE] } };
}
