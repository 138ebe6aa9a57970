import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import type { Framework } from "../domain/framework/schema.ts";
import { buildMunicipality, withOrigin } from "../evidence/test-municipality.ts";
import { type FixtureSite, startFixtureSite } from "../evidence/test-site.ts";
import { openDatabase } from "../server/db/database.ts";
import { createAgency } from "../server/services/create-agency.ts";
import { createTestAssessment } from "../server/test-assessments.ts";
import { buildAgency } from "../server/test-factories.ts";
import { disclosuresCheckCommand } from "./commands/disclosures.ts";

const framework = loadFrameworks().get("ita-2566") as Framework;

describe("prongsai disclosures check", () => {
  let dataDir: string;
  let site: FixtureSite;
  beforeAll(async () => {
    const routes = await buildMunicipality({
      framework,
      pdf: async () => {
        throw new Error("this site has no PDF");
      },
    });
    site = await startFixtureSite(routes);
    withOrigin(routes, site.url);
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-disclosures-"));
    // The embedded database belongs to one holder at a time: fill it, close it, then run.
    const database = await openDatabase({ dataDir });
    try {
      await database.migrate();
      const { db } = database;
      const agency = buildAgency({ website: site.url, province: "เชียงราย" });
      const agencyId = (await createAgency({ db, actor: "test", agency })).id;
      await createTestAssessment({ db, agencyId });
    } finally {
      await database.close();
    }
  }, 60_000);
  afterAll(async () => {
    await site?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    LOG_LEVEL: "silent",
    OIT_CHECK_ALLOW_PRIVATE: "true",
  });

  it("checks the year's sites, prints a summary and the counts, and skips them the next time", async () => {
    const lines: string[] = [];
    const options = { fiscalYear: "2566", province: "เชียงราย", concurrency: "2" };
    const { failed } = await disclosuresCheckCommand(env(), options, (l) => lines.push(l));
    expect(failed).toBe(0);
    expect(lines[0]).toContain("1 agencies");
    expect(lines).toContain("  ตรวจแล้ว (checked): 1");
    expect(lines.find((l) => l.startsWith("เอกสารมาตรการ"))).toContain("ผ่าน (pass) 1");
    const again: string[] = [];
    await disclosuresCheckCommand(env(), options, (l) => again.push(l));
    expect(again).toContain("  ข้าม (ตรวจไปไม่นาน) (recent): 1");
  }, 120_000);

  it("lists every bad option before opening the database", async () => {
    const error = await disclosuresCheckCommand(
      { DATA_DIR: join(dataDir, "never-made"), LOG_LEVEL: "silent" },
      { fiscalYear: "พ.ศ.", concurrency: "0", sinceHours: "-1" },
      () => undefined,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.map((d) => d.path).sort()).toEqual([
      "--concurrency",
      "--fiscal-year",
      "--since-hours",
    ]);
  });
});
