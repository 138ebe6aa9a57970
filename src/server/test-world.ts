import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp } from "./app.ts";
import type { Role } from "./auth/authorize.ts";
import type { Database } from "./db/database.ts";
import { assessments, measures, NATIONAL_SCOPE, results } from "./db/schema.ts";
import { listOperations, type Operation } from "./fuzz/openapi-operations.ts";
import { createAgency } from "./services/create-agency.ts";
import { type engines, freshDatabase } from "./test-databases.ts";
import { buildAgency } from "./test-factories.ts";
import { type Browser, signInAs } from "./test-sessions.ts";

// Two agencies with a year of data each, and people in every role, for tests that sweep every
// route: the route matrix and the fuzzer.

export interface AgencyWorld {
  agencyId: string;
  /** Assessment ids by fiscal year. */
  assessments: { 2565: string; 2566: string };
  measureId: string;
  /** One signed-in person per role in this agency. */
  people: Record<Exclude<Role, "national_admin">, Browser & { userId: string }>;
}

export interface World {
  a: AgencyWorld;
  b: AgencyWorld;
  national: Browser & { userId: string };
}

const agencyRoles = ["agency_admin", "division_officer", "evaluator", "auditor"] as const;

async function buildAgencyWorld(
  app: FastifyInstance,
  database: Database,
  name: string,
): Promise<AgencyWorld> {
  const { db } = database;
  const { id: agencyId } = await createAgency({ db, actor: "test", agency: buildAgency({ name }) });
  const [y65, y66] = await db
    .insert(assessments)
    .values([
      { agencyId, fiscalYear: 2565, frameworkId: "ita-2565" },
      { agencyId, fiscalYear: 2566, frameworkId: "ita-2566" },
    ])
    .returning({ id: assessments.id });
  if (!y65 || !y66) throw new Error("no assessments");
  await db.insert(results).values({
    agencyId,
    assessmentId: y65.id,
    source: "entered",
    indicators: { "1": 93.7, "2": 93.2, "3": 93.1, "4": 95.7, "5": 84.8 },
    computedOverall: 78.33,
    computedLevel: "B",
    updatedBy: "test",
  });
  const [measure] = await db
    .insert(measures)
    .values({
      agencyId,
      assessmentId: y66.id,
      position: 1,
      title: "เผยแพร่ข้อมูลการจัดซื้อจัดจ้างบนเว็บไซต์",
      steps: ["รวบรวมข้อมูล", "เผยแพร่"],
      responsible: ["กองคลัง"],
      indicators: [9],
      oitItems: [],
      monitoring: [{ date: "2023-03-31", activity: "รายงานความก้าวหน้า" }],
      startDate: "2022-10-01",
      dueDate: "2023-09-30",
    })
    .returning({ id: measures.id });
  if (!measure) throw new Error("no measure");
  const people = {} as AgencyWorld["people"];
  for (const role of agencyRoles)
    people[role] = await signInAs(app, database, [
      { agencyId, role, division: role === "division_officer" ? "กองคลัง" : undefined },
    ]);
  return { agencyId, assessments: { 2565: y65.id, 2566: y66.id }, measureId: measure.id, people };
}

export async function buildWorld(app: FastifyInstance, database: Database): Promise<World> {
  const a = await buildAgencyWorld(app, database, "เทศบาลตำบลเอ");
  const b = await buildAgencyWorld(app, database, "เทศบาลตำบลบี");
  const national = await signInAs(app, database, [
    { agencyId: NATIONAL_SCOPE, role: "national_admin" },
  ]);
  return { a, b, national };
}

export interface WorldContext {
  database: Database;
  app: FastifyInstance;
  world: World;
  operations: Operation[];
}

/** A fresh database, app and world for the enclosing `describe`, closed after it. */
export function useWorld(engine: (typeof engines)[number]): WorldContext {
  const context = {} as WorldContext;
  beforeAll(async () => {
    context.database = await freshDatabase(engine);
    context.app = await buildApp({ config: { LOG_LEVEL: "silent" }, database: context.database });
    context.world = await buildWorld(context.app, context.database);
    context.operations = await listOperations(context.app);
  });
  afterAll(async () => {
    await context.app?.close();
    await context.database?.close();
  });
  return context;
}
