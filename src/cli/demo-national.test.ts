import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DomainError } from "../domain/errors.ts";
import { demoNationalCommand } from "./commands/demo-national.ts";

describe("prongsai demo national", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "demo-national-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("lists every bad option and touches no database", async () => {
    const error = await demoNationalCommand(
      { DATA_DIR: join(dataDir, "never") },
      { agencies: "0", years: "many", responses: "100" },
      () => {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.map((d) => d.path).sort()).toEqual([
      "--agencies",
      "--years",
    ]);
  });

  it("fills the embedded database and says what it made", async () => {
    const lines: string[] = [];
    const report = await demoNationalCommand(
      { DATA_DIR: dataDir },
      { agencies: "12", responses: "600", years: "1", seed: "7" },
      (line) => lines.push(line),
    );
    expect(report.agencies).toBe(12);
    expect(report.responses).toBe(600);
    expect(report.results.scored).toBe(12);
    expect(lines.join("\n")).toContain("คำตอบแบบวัด / responses: 600");
  });
});
