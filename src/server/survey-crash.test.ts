import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { sampleAnswers } from "../domain/survey/sample-answers.ts";
import { type Database, queryRows } from "./db/database.ts";
import { assessments, surveys } from "./db/schema.ts";
import { rebuildTallies } from "./services/rebuild-tallies.ts";
import { ensureSurveys, frameworkOf } from "./services/survey-rows.ts";
import { readTallies } from "./services/survey-tally-rows.ts";
import { type EngineServer, engineServer } from "./test-engine-server.ts";

const SUBMISSIONS = 1000;
const frameworks = loadFrameworks();

// Nothing acknowledged is lost and nothing is stored twice: the server is SIGKILLed while 1,000
// respondents submit at once; after a restart every submission is retried with its own key.
describe.each(["pglite", "postgres"] as const)(
  "survey submissions killed mid-flight on %s",
  (engine) => {
    let target: EngineServer;
    beforeAll(async () => {
      target = await engineServer(engine, "prongsai-survey-kill-");
    });
    afterAll(() => target?.remove());

    const withDatabase = async <T>(work: (database: Database) => Promise<T>): Promise<T> => {
      const database = await target.open();
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    };
    const start = () => target.start({ SURVEY_RATE_PER_MINUTE: "100000" });

    it("stores every acknowledged response exactly once, and tallies equal a rebuild", async () => {
      // The first start creates the demo; then its EIT link is opened for today.
      const first = await start();
      first.server.child.kill("SIGTERM");
      await first.server.exited;
      const link = await withDatabase(async ({ db }) => {
        const [assessment] = await db
          .select()
          .from(assessments)
          .orderBy(desc(assessments.fiscalYear))
          .limit(1);
        if (!assessment) throw new Error("the demo has no assessment");
        const framework = frameworkOf(frameworks, assessment.frameworkId);
        await ensureSurveys({
          db,
          framework,
          agencyId: assessment.agencyId,
          assessmentId: assessment.id,
        });
        const where = and(eq(surveys.assessmentId, assessment.id), eq(surveys.tool, "EIT"));
        await db
          .update(surveys)
          .set({ access: "open", opensOn: "2000-01-01", closesOn: "2999-12-31" })
          .where(where);
        const [survey] = await db.select().from(surveys).where(where);
        return {
          token: survey?.token ?? "",
          framework,
          agencyId: assessment.agencyId,
          assessmentId: assessment.id,
        };
      });

      const bodies = Array.from({ length: SUBMISSIONS }, (_, i) => ({
        answers: sampleAnswers(link.framework, "EIT", (n) => (i + n) % n),
        idempotencyKey: randomUUID(),
      }));
      const post = (base: string, body: (typeof bodies)[number]) =>
        fetch(`${base}/api/surveys/eit/${link.token}/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
          .then((r) => r.status)
          .catch(() => 0);

      const second = await start();
      const acknowledged = new Set<string>();
      let killed = false;
      await Promise.all(
        bodies.map(async (body) => {
          const status = await post(second.base, body);
          if (status === 201 || status === 200) acknowledged.add(body.idempotencyKey);
          // Killed as soon as the first answers are acknowledged: the rest are in flight.
          if (acknowledged.size > 0 && !killed) {
            killed = true;
            second.server.child.kill("SIGKILL");
          }
        }),
      );
      await second.server.exited;
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(acknowledged.size).toBeLessThan(SUBMISSIONS);

      const storedKeys = async () =>
        withDatabase(async ({ db }) =>
          queryRows<{ key: string; n: number }>(
            db,
            sql`select idempotency_key as key, count(*)::int as n from survey_responses
               where assessment_id = ${link.assessmentId} group by idempotency_key`,
          ),
        );
      const afterKill = new Map((await storedKeys()).map((r) => [r.key, r.n]));
      expect([...acknowledged].filter((key) => afterKill.get(key) !== 1)).toEqual([]);

      // Every respondent's phone retries with its key: the acknowledged ones are not stored again.
      const third = await start();
      const retried = await Promise.all(bodies.map((body) => post(third.base, body)));
      third.server.child.kill("SIGTERM");
      await third.server.exited;
      expect(retried.filter((s) => s !== 200 && s !== 201)).toEqual([]);
      expect(retried.filter((s) => s === 200).length).toBeGreaterThanOrEqual(acknowledged.size);

      const final = await storedKeys();
      expect(final).toHaveLength(SUBMISSIONS);
      expect(final.filter((r) => r.n !== 1)).toEqual([]);
      await withDatabase(async ({ db }) => {
        expect((await rebuildTallies(db, { write: false })).differences).toEqual([]);
        const tallies = await readTallies(db, link);
        expect(tallies.respondents.EIT).toBe(SUBMISSIONS);
      });
    }, 600_000);
  },
);
