import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { parse } from "yaml";
import { parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { agencies, NATIONAL_SCOPE, users } from "../db/schema.ts";
import { createUser } from "./create-user.ts";
import { loadAgencyYear } from "./load-agency-year.ts";

const example = fileURLToPath(new URL("../../../examples/huai-sak-2566.yaml", import.meta.url));

export interface DemoAccount {
  email: string;
  role: string;
  /** Shown once, in the start-up log; only its argon2id hash is stored. */
  password: string;
}

/** On an empty database: the Huai Sak example as an agency with its year, a national admin and its coordinator. */
export async function seedDemo({
  db,
  frameworks,
}: {
  db: Db;
  frameworks: Map<string, Framework>;
}): Promise<DemoAccount[] | undefined> {
  const [{ agencies: agencyCount = 0 } = {}] = await db
    .select({ agencies: count() })
    .from(agencies);
  const [{ users: userCount = 0 } = {}] = await db.select({ users: count() }).from(users);
  if (agencyCount > 0 || userCount > 0) return undefined;
  const file = parseAgencyYear(parse(readFileSync(example, "utf8")), frameworks);
  // All or nothing: a failed seed leaves the database empty, to be seeded at the next start.
  return db.transaction(async (tx) => {
    const { agencyId } = await loadAgencyYear({ db: tx, frameworks, actor: "demo-seed", file });
    const accounts: (DemoAccount & { agencyId: string })[] = [
      {
        email: "admin@prongsai.local",
        role: "national_admin",
        agencyId: NATIONAL_SCOPE,
        password: oneTimePassword(),
      },
      {
        email: "coordinator@huaisak.local",
        role: "agency_admin",
        agencyId,
        password: oneTimePassword(),
      },
    ];
    for (const a of accounts)
      await createUser({
        db: tx,
        actor: "demo-seed",
        email: a.email,
        displayName:
          a.role === "national_admin" ? "ผู้ดูแลระบบระดับประเทศ" : "ผู้ประสานงาน ITA เทศบาลตำบลห้วยสัก",
        password: a.password,
        memberships: [
          {
            agencyId: a.agencyId,
            role: a.role === "national_admin" ? "national_admin" : "agency_admin",
          },
        ],
      });
    return accounts.map(({ email, role, password }) => ({ email, role, password }));
  });
}

function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}
