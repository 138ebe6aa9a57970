import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/passwords.ts";
import type { Database } from "../db/database.ts";
import { auditLog, memberships, NATIONAL_SCOPE, users } from "../db/schema.ts";
import { engines, freshDatabase } from "../test-databases.ts";
import { createUser } from "./create-user.ts";
import { verifyAudit } from "./verify-audit.ts";

const agency = "6f1c2a4e-0000-4000-8000-0000000000cc";

describe.each(engines)("createUser on %s", (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(() => database?.close());

  it("stores an argon2id hash, the memberships, and an audit entry per agency", async () => {
    const { id } = await createUser({
      db: database.db,
      actor: "national-admin",
      email: " Officer@HuaiSak.go.th ",
      displayName: "เจ้าหน้าที่กองคลัง",
      password: "รหัสผ่าน-ที่ยาวพอ",
      memberships: [
        { agencyId: agency, role: "division_officer", division: "กองคลัง" },
        { agencyId: NATIONAL_SCOPE, role: "auditor" },
      ],
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, id));
    expect(user?.email).toBe("officer@huaisak.go.th");
    expect(await verifyPassword(user?.passwordHash ?? "", "รหัสผ่าน-ที่ยาวพอ")).toBe(true);
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, id));
    expect(rows.map((r) => r.role).sort()).toEqual(["auditor", "division_officer"]);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain("argon2");
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses a second account with the same e-mail and leaves nothing behind", async () => {
    const attempt = createUser({
      db: database.db,
      actor: "national-admin",
      email: "officer@huaisak.go.th",
      displayName: "ซ้ำ",
      password: "อีกรหัสหนึ่ง",
      memberships: [{ agencyId: agency, role: "auditor" }],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: "มีบัญชีผู้ใช้ที่ใช้อีเมลนี้อยู่แล้ว",
    });
    expect(await database.db.select().from(users)).toHaveLength(1);
    expect(await database.db.select().from(auditLog)).toHaveLength(2);
  });

  it("gives an account created without a password one that nobody knows", async () => {
    const { id } = await createUser({
      db: database.db,
      actor: "national-admin",
      email: "invited@huaisak.go.th",
      displayName: "ผู้ได้รับเชิญ",
      memberships: [{ agencyId: agency, role: "evaluator" }],
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, id));
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    for (const guess of ["", "undefined", "null", "password"])
      expect(await verifyPassword(user?.passwordHash ?? "", guess)).toBe(false);
  });
});
