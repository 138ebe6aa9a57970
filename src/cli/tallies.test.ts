import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { openDatabase } from "../server/db/database.ts";
import { createIntake } from "../server/services/survey-intake.ts";
import { ensureTallyLayouts } from "../server/services/survey-tally-rows.ts";
import { createTwoAgencyYears } from "../server/test-assessments.ts";
import { tallyPosition, testSubmission } from "../server/test-surveys.ts";

const loaded = loadFrameworks().get("ita-2566");
if (!loaded) throw new Error("ita-2566 is not loaded");
const framework = loaded;

const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));

function prongsai(dataDir: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      [bin, "tallies", "rebuild", ...args],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, timeout: 120_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The embedded database belongs to one process at a time: open, change, close, then run.
async function withDatabase(
  dataDir: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<void>,
) {
  const database = await openDatabase({ dataDir });
  try {
    await database.migrate();
    await work(database.db);
  } finally {
    await database.close();
  }
}

describe("prongsai tallies rebuild", () => {
  let dataDir: string;
  let otherAgency = "";
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-tallies-"));
    await withDatabase(dataDir, async (db) => {
      const scope = await createTwoAgencyYears(db);
      otherAgency = scope.b;
      await ensureTallyLayouts(db, framework);
      const intake = createIntake({ db });
      const answers: Record<string, string>[] = [
        { i2: "much", "i1.1": "most" },
        { i2: "much" },
        { i2: "little" },
      ];
      for (const a of answers)
        await intake.submit(
          testSubmission(framework, {
            agencyId: scope.a,
            assessmentId: scope.assessmentA,
            tool: "IIT",
            channel: "link",
            answers: a,
            submittedOn: "2023-03-01",
            idempotencyKey: randomUUID(),
            straightLine: false,
          }),
        );
      // A hand-edited tally: two more "much" answers to i2 than anyone gave.
      await db.execute(
        sql`update survey_tallies set counts[${tallyPosition(framework, "IIT", "i2", "much")}] =
              counts[${tallyPosition(framework, "IIT", "i2", "much")}] + 2 where tool = 'IIT'`,
      );
    });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("finds the tampered row, rewrites it, and then agrees", async () => {
    const tampered = await prongsai(dataDir, "--check");
    expect(tampered.code, tampered.stderr).toBe(1);
    expect(tampered.stderr).toContain("IIT i2=much: เก็บไว้ 4 นับจากคำตอบได้ 2 / stored 4, counted 2");
    expect(tampered.stderr).toContain("tallies disagree with the responses in 1 rows");
    // Another agency's tallies are not concerned.
    const other = await prongsai(dataDir, "--check", "--agency", otherAgency);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stdout).toContain("ตรงกัน / tallies agree: 0 rows");

    const rebuilt = await prongsai(dataDir);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain("i2=much");
    expect(rebuilt.stdout).toContain("tallies rewritten: 1 rows, 1 changed");

    const agreed = await prongsai(dataDir, "--check");
    expect(agreed.code, agreed.stderr).toBe(0);
    // Respondents, i2=much, i2=little and i1.1=most.
    expect(agreed.stdout).toContain("ตรงกัน / tallies agree: 1 rows");
  });

  it("refuses an agency that is not an id", async () => {
    const bad = await prongsai(dataDir, "--agency", "huai-sak");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--agency");
    expect(bad.stderr).toContain("must be an agency's UUID");
  });
});
