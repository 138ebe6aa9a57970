import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { verifyPassword } from "../auth/passwords.ts";
import type { Database } from "../db/database.ts";
import { agencies, memberships, users } from "../db/schema.ts";
import { freshDatabase } from "../test-databases.ts";
import { seedDemo } from "./seed-demo.ts";
import { verifyAudit } from "./verify-audit.ts";

describe("seedDemo", () => {
  let database: Database;
  const frameworks = loadFrameworks();
  beforeAll(async () => {
    database = await freshDatabase("pglite");
  });
  afterAll(() => database?.close());

  it("gives an empty database the Huai Sak agency and two accounts with one-time passwords", async () => {
    const accounts = await seedDemo({ db: database.db, frameworks });
    expect(accounts?.map((a) => [a.email, a.role])).toEqual([
      ["admin@prongsai.local", "national_admin"],
      ["coordinator@huaisak.local", "agency_admin"],
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

  it("leaves a database that already has data alone", async () => {
    expect(await seedDemo({ db: database.db, frameworks })).toBeUndefined();
    expect(await database.db.select().from(users)).toHaveLength(2);
  });
});
