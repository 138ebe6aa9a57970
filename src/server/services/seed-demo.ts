import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { and, count, desc, eq } from "drizzle-orm";
import { parse } from "yaml";
import { parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { addDays } from "../../domain/plan/reminder-days.ts";
import { generateSurveyCode } from "../../domain/survey/survey-codes.ts";
import { bangkokDay } from "../../domain/thai/bangkok-day.ts";
import { surveyPaths } from "../../shared/survey-respondent.ts";
import type { Db } from "../db/database.ts";
import {
  agencies,
  assessments,
  NATIONAL_SCOPE,
  surveyCodes,
  surveys,
  users,
} from "../db/schema.ts";
import { createUser } from "./create-user.ts";
import { loadAgencyYear } from "./load-agency-year.ts";
import { seedDemoOit } from "./seed-demo-oit.ts";
import { ensureSurveys, frameworkOf } from "./survey-rows.ts";

const example = fileURLToPath(new URL("../../../examples/huai-sak-2566.yaml", import.meta.url));

export interface DemoAccount {
  email: string;
  role: "national_admin" | "agency_admin" | "evaluator";
  /** Shown once, in the start-up log; only its argon2id hash is stored. */
  password: string;
}

/** The demo's survey links and one printed code, shown once in the start-up log like the passwords. */
export interface DemoSurvey {
  /** Link path by survey tool, e.g. { IIT: "/go/iit/…", EIT: "/go/eit/…" }. */
  links: Record<string, string>;
  code: string;
}

export interface DemoSeed {
  accounts: DemoAccount[];
  survey: DemoSurvey;
}

const DEMO_SURVEY_DAYS = 60;

const displayNames: Record<DemoAccount["role"], string> = {
  national_admin: "ผู้ดูแลระบบระดับประเทศ",
  agency_admin: "ผู้ประสานงาน ITA เทศบาลตำบลห้วยสัก",
  evaluator: "ผู้ประเมิน ITA (มหาวิทยาลัย)",
};
const DEMO_CODES = 20;

/**
 * On an empty database: the Huai Sak example as an agency with its year, a national admin and its
 * coordinator and evaluator, the latest year's surveys open from today for 60 days with 20 printed
 * IIT codes, and its OIT checklist open with a few draft answers.
 */
export async function seedDemo({
  db,
  frameworks,
  today = bangkokDay(new Date()),
}: {
  db: Db;
  frameworks: Map<string, Framework>;
  /** The Bangkok day the demo's surveys open. */
  today?: string;
}): Promise<DemoSeed | undefined> {
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
      // Evaluators are members of the agencies they evaluate.
      {
        email: "evaluator@huaisak.local",
        role: "evaluator",
        agencyId,
        password: oneTimePassword(),
      },
    ];
    for (const a of accounts)
      await createUser({
        db: tx,
        actor: "demo-seed",
        email: a.email,
        displayName: displayNames[a.role],
        password: a.password,
        memberships: [{ agencyId: a.agencyId, role: a.role }],
      });
    const survey = await seedDemoSurveys({ db: tx, frameworks, agencyId, today });
    return {
      accounts: accounts.map(({ email, role, password }) => ({ email, role, password })),
      survey,
    };
  });
}

/** The latest assessment's surveys and OIT, open now, so the demo can be answered out of the box. */
async function seedDemoSurveys({
  db,
  frameworks,
  agencyId,
  today,
}: {
  db: Db;
  frameworks: Map<string, Framework>;
  agencyId: string;
  today: string;
}): Promise<DemoSurvey> {
  const [latest] = await db
    .select()
    .from(assessments)
    .where(eq(assessments.agencyId, agencyId))
    .orderBy(desc(assessments.fiscalYear))
    .limit(1);
  if (!latest) throw new Error("the demo has no assessment");
  const framework = frameworkOf(frameworks, latest.frameworkId);
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  await seedDemoOit({
    db,
    framework,
    agencyId,
    assessmentId: latest.id,
    website: agency?.website ?? "https://www.example.go.th",
    today,
  });
  const rows = await ensureSurveys({ db, framework, agencyId, assessmentId: latest.id });
  await db
    .update(surveys)
    .set({ opensOn: today, closesOn: addDays(today, DEMO_SURVEY_DAYS) })
    .where(and(eq(surveys.agencyId, agencyId), eq(surveys.assessmentId, latest.id)));
  const codeTool = rows.find((r) => r.access === "code")?.tool ?? "IIT";
  const codes = new Set<string>();
  while (codes.size < DEMO_CODES) codes.add(generateSurveyCode());
  await db.insert(surveyCodes).values(
    [...codes].map((code) => ({
      agencyId,
      code,
      assessmentId: latest.id,
      tool: codeTool,
      batch: 1,
    })),
  );
  return {
    links: Object.fromEntries(rows.map((r) => [r.tool, surveyPaths.start(r.tool, r.token)])),
    code: [...codes][0] ?? "",
  };
}

function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}
