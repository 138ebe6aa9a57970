import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "./db/database.ts";

/** Both engines every server test runs on: the embedded PGlite and a real PostgreSQL server. */
export const engines = ["pglite", "postgres"] as const;

/** A fresh, migrated database of its own for one test file, on the chosen engine. */
export async function freshDatabase(engine: (typeof engines)[number]): Promise<Database> {
  if (engine === "pglite") {
    const database = await openDatabase({ memory: true });
    await database.migrate();
    return database;
  }
  const database = await openDatabase({ url: await freshPostgresUrl() });
  await database.migrate();
  return database;
}

/** The address of a new, empty database on the test PostgreSQL server, for tests that need a second pool on it. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = new URL(inject("postgresUrl"));
  const name = `test_${randomUUID().replaceAll("-", "")}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.href;
}
