import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { memberships } from "../db/schema.ts";
import { createAgency } from "../services/create-agency.ts";
import { freshDatabase, freshPostgresUrl } from "../test-databases.ts";
import { buildAgency } from "../test-factories.ts";
import { type Browser, signInAs } from "../test-sessions.ts";

// Each server process keeps the sessions it resolved (ADR 0017); these tests prove that a change
// of access made anywhere reaches every process, and that a process which cannot hear the
// database's notices stops trusting what it kept.

const config = { LOG_LEVEL: "silent" } as const;
const dashboard = (app: FastifyInstance, agencyId: string, as: Browser) =>
  app.inject({ method: "GET", url: `/api/agencies/${agencyId}/dashboard`, cookies: as.cookies });

/** Asks until the answer has the wanted status; the notice crosses processes asynchronously. */
async function eventually(ask: () => Promise<{ statusCode: number }>, status: number) {
  const deadline = Date.now() + 5_000;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await ask()).statusCode;
    if (last === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return last;
}

describe("access changes across two server processes on one PostgreSQL", () => {
  let first: Database;
  let second: Database;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let agencyId: string;
  beforeAll(async () => {
    const url = await freshPostgresUrl();
    first = await openDatabase({ url });
    await first.migrate();
    second = await openDatabase({ url });
    a = await buildApp({ config, database: first });
    b = await buildApp({ config, database: second });
    ({ id: agencyId } = await createAgency({ db: first.db, actor: "test", agency: buildAgency() }));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await first?.close();
    await second?.close();
  });

  it("keeps a resolved session, and forgets it when another process removes the membership", async () => {
    const admin = await signInAs(a, first, [{ agencyId, role: "agency_admin" }]);
    const coordinator = await signInAs(a, first, [
      { agencyId, role: "division_officer", division: "กองคลัง" },
    ]);
    expect((await dashboard(b, agencyId, coordinator)).statusCode).toBe(200);
    // Behind the notices' back (triggers off): the process still answers from what it kept.
    await withoutNotices(first, (db) =>
      db.execute(
        sql`update memberships set role = 'auditor' where user_id = ${coordinator.userId}`,
      ),
    );
    const kept = await b.inject({
      method: "GET",
      url: "/api/auth/me",
      cookies: coordinator.cookies,
    });
    expect(kept.json().memberships[0].role).toBe("division_officer");
    // Through the API of the other process: the notice reaches this one.
    const removed = await a.inject({
      method: "DELETE",
      url: `/api/agencies/${agencyId}/members/${coordinator.userId}`,
      cookies: admin.cookies,
      headers: admin.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await eventually(() => dashboard(b, agencyId, coordinator), 403)).toBe(403);
  });

  it("ends a session everywhere when it is signed out in one process", async () => {
    const person = await signInAs(a, first, [{ agencyId, role: "auditor" }]);
    expect((await dashboard(b, agencyId, person)).statusCode).toBe(200);
    const out = await a.inject({
      method: "POST",
      url: "/api/auth/logout",
      cookies: person.cookies,
      headers: person.headers,
    });
    expect(out.statusCode).toBe(204);
    // The process that signed out forgets at once; the other one as soon as the notice comes.
    expect((await dashboard(a, agencyId, person)).statusCode).toBe(401);
    expect(await eventually(() => dashboard(b, agencyId, person), 401)).toBe(401);
  });

  it("stops trusting what it kept once its listening connection is lost", async () => {
    const person = await signInAs(a, first, [{ agencyId, role: "auditor" }]);
    expect((await dashboard(b, agencyId, person)).statusCode).toBe(200);
    // Cut every listening connection, then change the membership where no notice is sent.
    await first.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and query ilike 'listen%'`,
    );
    await withoutNotices(first, (db) =>
      db.delete(memberships).where(eq(memberships.userId, person.userId)),
    );
    expect(await eventually(() => dashboard(b, agencyId, person), 403)).toBe(403);
  });
});

describe("access changes on PGlite", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase("pglite");
    app = await buildApp({ config, database });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("forgets a kept session as soon as the membership changes in the database", async () => {
    const { id: agencyId } = await createAgency({
      db: database.db,
      actor: "test",
      agency: buildAgency(),
    });
    const person = await signInAs(app, database, [{ agencyId, role: "auditor" }]);
    expect((await dashboard(app, agencyId, person)).statusCode).toBe(200);
    await database.db.delete(memberships).where(eq(memberships.userId, person.userId));
    expect((await dashboard(app, agencyId, person)).statusCode).toBe(403);
  });
});

/** Runs a change with triggers off for this transaction only, so no notice is sent. */
async function withoutNotices(
  database: Database,
  change: (db: Database["db"]) => Promise<unknown>,
) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await change(tx);
  });
}
