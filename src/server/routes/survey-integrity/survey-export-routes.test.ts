import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { surveyResponses } from "../../db/schema.ts";
import {
  exportSurveyResponses,
  surveyExportColumns,
} from "../../services/export-survey-responses.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import {
  buildSurveyWorld,
  framework2566,
  frameworks,
  type SurveyWorld,
} from "./test-survey-world.ts";

const columns = surveyExportColumns(framework2566, "IIT");
/** A stored answer set as the export writes it: tool, channel, then Thai labels in item order. */
const asRow = (answers: Record<string, string>) => [
  "IIT",
  "link",
  ...columns.map((c) => c.labels.get(answers[c.itemId] ?? "") ?? "?"),
];
const sorted = (rows: string[][]) => rows.map((r) => r.join("|")).sort();

describe.each(engines)("anonymous survey export on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let world: SurveyWorld;
  // While collecting (the 2566 window runs to 30 June 2023); tests move it past the close.
  let clock = new Date("2023-03-10T03:00:00Z");
  const exportUrl = (format: "csv" | "xlsx", tool = "IIT", assessmentId = world.assessmentId) =>
    `/api/agencies/${world.agencyId}/assessments/${assessmentId}/surveys/export.${format}?tool=${tool}`;
  const download = (format: "csv" | "xlsx", as: Browser, tool?: string) =>
    app.inject({ url: exportUrl(format, tool), ...as });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent" },
      database,
      frameworks,
      now: () => clock,
    });
    world = await buildSurveyWorld(app, database);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("writes every response as Thai labels in a CSV Excel opens as Thai, and nothing that names one", async () => {
    const response = await download("csv", world.people.evaluator);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("คำตอบแบบวัด-IIT-ปี-2566.csv")}`,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [ids, texts, ...rows] = parse(response.body, { bom: true }) as string[][];
    expect(ids).toEqual(["tool", "channel", ...columns.map((c) => c.itemId)]);
    expect(ids?.slice(2, 5)).toEqual(["i1.1", "i1.2", "i2"]);
    expect(texts?.[4]).toBe(framework2566.questions.find((q) => q.id === "i2")?.text);
    expect(sorted(rows)).toEqual(sorted(world.stored.map(asRow)));
    const stored = await database.db.select().from(surveyResponses);
    for (const r of stored) {
      expect(response.body).not.toContain(r.id);
      expect(response.body).not.toContain(r.idempotencyKey);
    }
    expect(response.body).not.toContain("2023-03-0");
  });

  it("writes the same rows into an XLSX workbook", async () => {
    const response = await download("xlsx", world.people.national);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-disposition"]).toContain("survey-IIT-2566.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("IIT");
    const values: string[][] = [];
    sheet?.eachRow((row) => {
      values.push((row.values as (string | undefined)[]).slice(1).map((v) => v ?? ""));
    });
    expect(values[0]).toEqual(["tool", "channel", ...columns.map((c) => c.itemId)]);
    expect(values[1]?.[0]).toBe("แบบวัด");
    expect(sorted(values.slice(2))).toEqual(sorted(world.stored.map(asRow)));
  });

  it("reads the responses in pages, each once", async () => {
    const data = await exportSurveyResponses({
      db: database.db,
      frameworks,
      actor: {
        userId: "evaluator",
        memberships: [{ agencyId: world.agencyId, role: "evaluator" }],
      },
      agencyId: world.agencyId,
      assessmentId: world.assessmentId,
      tool: "IIT",
      today: "2023-03-10",
      pageSize: 7,
    });
    const pages: number[] = [];
    const rows: string[][] = [];
    for await (const page of data.pages()) {
      pages.push(page.length);
      rows.push(...page.map((r) => asRow(r.answers)));
    }
    expect(pages).toEqual([7, 7, 7, 7, 7, 7, 3]);
    expect(sorted(rows)).toEqual(sorted(world.stored.map(asRow)));
  });

  it("hides the export from the agency while collecting, except from evaluators", async () => {
    for (const role of ["agency_admin", "auditor"] as const) {
      const refused = await download("csv", world.people[role]);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().error.message).toContain("2023-06-30");
    }
    // The day after collection closes (sessions of March have expired by then).
    clock = new Date("2023-07-01T03:00:00Z");
    for (const role of ["agency_admin", "auditor", "division_officer"] as const) {
      const person = await signInAs(app, database, [{ agencyId: world.agencyId, role }]);
      // Division officers never see survey results.
      const expected = role === "division_officer" ? 403 : 200;
      expect((await download("xlsx", person)).statusCode, role).toBe(expected);
    }
    clock = new Date("2023-03-10T03:00:00Z");
  });

  it("keeps to the agency and to the framework's survey tools", async () => {
    expect((await download("csv", world.people.outsider)).statusCode).toBe(403);
    const hidden = await app.inject({
      url: exportUrl("csv", "IIT", world.otherAssessmentId),
      ...world.people.evaluator,
    });
    expect(hidden.statusCode).toBe(404);
    const checklist = await download("csv", world.people.evaluator, "OIT");
    expect(checklist.statusCode).toBe(400);
    expect(checklist.json().error.details[0].path).toBe("tool");
    expect((await download("csv", world.people.evaluator, "iit")).statusCode).toBe(400);
    // EIT has no responses yet: just the two header rows.
    const empty = await download("csv", world.people.evaluator, "EIT");
    expect(parse(empty.body, { bom: true })).toHaveLength(2);
  });
});
