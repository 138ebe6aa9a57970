import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { assessments, auditLog, NATIONAL_SCOPE, results } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

// Huai Sak's published indicator scores (they give 78.33, level B).
const huaiSak = [93.7, 93.2, 93.1, 95.7, 84.8, 75.0, 69.7, 69.5, 74.8, 71.6];
const thaiHeader = [
  "รหัสหน่วยงาน",
  "ปีงบประมาณ",
  ...huaiSak.map((_, i) => `ตัวชี้วัด ${i + 1}`),
  "คะแนนรวม",
  "ระดับ",
];

/** A multipart/form-data body carrying one file, as a browser would send it. */
async function multipart(name: string, bytes: Buffer | string, type: string) {
  const form = new FormData();
  form.append(
    "file",
    new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type }),
    name,
  );
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get("content-type") ?? "",
  };
}

const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(",")).join("\n");

describe.each(engines)("results import on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Browser;
  const ids: Record<string, string> = {};
  const snapshot = async () => ({
    assessments: await database.db.select().from(assessments),
    results: await database.db.select().from(results),
    audit: (await database.db.select().from(auditLog)).length,
  });
  const send = async (
    browser: Browser,
    file: { name: string; bytes: Buffer | string; type?: string },
    query = "",
  ) => {
    const body = await multipart(file.name, file.bytes, file.type ?? "text/csv");
    return app.inject({
      method: "POST",
      url: `/api/imports/results${query}`,
      payload: body.payload,
      cookies: browser.cookies,
      headers: { ...browser.headers, "content-type": body.contentType },
    });
  };
  const resultOf = async (agencyId: string, fiscalYear: number) => {
    const list = await app.inject({ url: `/api/agencies/${agencyId}/assessments`, ...admin });
    const assessment = list.json().find((x: { fiscalYear: number }) => x.fiscalYear === fiscalYear);
    return (
      await app.inject({
        url: `/api/agencies/${agencyId}/assessments/${assessment.id}/result`,
        ...admin,
      })
    ).json();
  };

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    for (const [key, name, province] of [
      ["huaiSak", "เทศบาลตำบลห้วยสัก", "เชียงราย"],
      ["b", "เทศบาลตำบลบ้านดู่", "เชียงราย"],
      ["c", "เทศบาลตำบลบ้านดู่", "ลำปาง"],
      ["d", "องค์การบริหารส่วนตำบลดอยฮาง", "เชียงราย"],
    ] as const)
      ids[key] = (
        await createAgency({
          db: database.db,
          actor: "test",
          agency: buildAgency({ name, province }),
        })
      ).id;
    admin = await signInAs(app, database, [{ agencyId: NATIONAL_SCOPE, role: "national_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("imports a real XLSX (Thai headers, an agency by name and province), flagging the discrepancy; a dry run writes nothing", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ผลการประเมิน");
    sheet.addRow(["ชื่อหน่วยงาน", "จังหวัด", ...thaiHeader.slice(1)]);
    sheet.addRow(["เทศบาลตำบลห้วยสัก", "เชียงราย", 2565, ...huaiSak, 70.64, "C"]);
    // A formula cell is read by its result.
    const scores = [...huaiSak.slice(0, 9), { formula: "70+1.6", result: 71.6 }];
    sheet.addRow(["เทศบาลตำบลบ้านดู่", "ลำปาง", 2565, ...scores, 78.33, "B"]);
    workbook.addWorksheet("หมายเหตุ").addRow(["notes are ignored"]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = {
      name: "ผล-2565.xlsx",
      bytes,
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    const before = await snapshot();
    const dry = await send(admin, file, "?dryRun=true");
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, rows: 2, agencies: 2, assessmentsCreated: 2 });
    expect(await snapshot()).toEqual(before);

    const done = await send(admin, file);
    expect(done.statusCode, done.body).toBe(200);
    const summary = done.json();
    expect(summary).toMatchObject({ dryRun: false, rows: 2, agencies: 2, assessmentsCreated: 2 });
    expect(summary.discrepancies).toHaveLength(1);
    expect(summary.discrepancies[0]).toMatchObject({
      row: 2,
      agencyId: ids.huaiSak,
      fiscalYear: 2565,
      officialOverall: 70.64,
    });
    expect(summary.discrepancies[0].discrepancy).toBeCloseTo(-7.69, 6);
    const result = await resultOf(ids.huaiSak ?? "", 2565);
    expect(result).toMatchObject({
      source: "imported",
      frameworkId: "ita-2565",
      official: { overall: 70.64, level: "C" },
      computed: { level: "B" },
    });
    expect(result.explanation.th).toContain("70.64");
    expect((await resultOf(ids.c ?? "", 2565)).discrepancy).toBeNull();
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("imports a CSV of several agencies with English headers, reusing an assessment that exists", async () => {
    const header = ["agency id", "fiscal_year", "Framework", ...huaiSak.map((_, i) => `i${i + 1}`)];
    const file = csv([
      [...header, "overall", "level"],
      [ids.b ?? "", 2566, "ita-2566", ...huaiSak, "78.33", "B"],
      [ids.d ?? "", "๒๕๖๖", "", ...huaiSak.map(() => 100), 100, "AA"],
      // Huai Sak again for 2565: the existing assessment gets the corrected figure.
      [ids.huaiSak ?? "", 2565, "", ...huaiSak, 78.33, "B"],
    ]);
    const response = await send(admin, { name: "results.csv", bytes: `\uFEFF${file}\n` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      rows: 3,
      agencies: 3,
      assessmentsCreated: 2,
      discrepancies: [],
    });
    expect((await resultOf(ids.d ?? "", 2566)).computed).toEqual({ overall: 100, level: "AA" });
    const corrected = await resultOf(ids.huaiSak ?? "", 2565);
    expect(corrected).toMatchObject({ official: { overall: 78.33 }, discrepancy: null });
  });

  it("imports nothing when any row is wrong, and lists every bad row with its column", async () => {
    const row = (
      agency: string,
      year: number | string,
      scores: (number | string)[],
      overall = "78.33",
      level = "B",
    ) => [agency, year, ...scores, overall, level];
    const good = row(ids.b ?? "", 2567, huaiSak);
    const file = csv([
      thaiHeader,
      good,
      row("6f1c2a4e-0000-4000-8000-000000000999", 2567, huaiSak),
      row(
        ids.c ?? "",
        2567,
        huaiSak.map((s, i) => (i === 2 ? "abc" : s)),
      ),
      row(ids.d ?? "", 2567, [...huaiSak.slice(0, 9), ""]),
      row(ids.huaiSak ?? "", 2567, huaiSak, ""),
      row(ids.c ?? "", 2023, huaiSak),
      good,
      row(ids.d ?? "", 2599, huaiSak),
      row(
        ids.huaiSak ?? "",
        2568,
        huaiSak.map((s, i) => (i === 2 ? 120 : s)),
        "78.33",
        "Z",
      ),
      row("not-a-uuid", 2567, huaiSak),
    ]);
    const before = await snapshot();
    const response = await send(admin, { name: "bad.csv", bytes: file });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe("INPUT_INVALID");
    expect(error.message).toContain("ไม่ได้นำเข้าข้อมูลใดเลย");
    expect(error.details.map((d: { path: string }) => d.path)).toEqual([
      "row 3 / รหัสหน่วยงาน",
      "row 4 / ตัวชี้วัด 3",
      "row 5 / ตัวชี้วัด 10",
      "row 6 / คะแนนรวม",
      "row 7 / ปีงบประมาณ",
      "row 8 / ปีงบประมาณ",
      "row 9 / ปีงบประมาณ",
      "row 10 / ตัวชี้วัด 3",
      "row 10 / ระดับ",
      "row 11 / รหัสหน่วยงาน",
    ]);
    for (const detail of error.details)
      expect(detail.th.length * detail.en.length).toBeGreaterThan(0);
    expect(error.details[5].en).toBe("the same agency and year as row 2");
    expect(await snapshot()).toEqual(before);
    // A dry run reports the same problems.
    const dry = await send(admin, { name: "bad.csv", bytes: file }, "?dryRun=true");
    expect(dry.json().error.details).toEqual(error.details);
  });

  it("refuses an agency admin's file holding another agency's row, importing nothing", async () => {
    const coordinator = await signInAs(app, database, [
      { agencyId: ids.b ?? "", role: "agency_admin" },
    ]);
    const own = [ids.b ?? "", 2568, ...huaiSak, "78.33", "B"];
    const before = await snapshot();
    const mixed = await send(coordinator, {
      name: "mixed.csv",
      bytes: csv([thaiHeader, own, [ids.c ?? "", 2568, ...huaiSak, "78.33", "B"]]),
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details).toEqual([
      {
        path: "row 3 / รหัสหน่วยงาน",
        th: "ไม่มีสิทธิ์บันทึกผลของหน่วยงานนี้: คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้",
        en: "forbidden: you are not a member of this agency",
      },
    ]);
    expect(await snapshot()).toEqual(before);
    const evaluator = await signInAs(app, database, [{ agencyId: ids.b ?? "", role: "evaluator" }]);
    const alone = await send(evaluator, { name: "own.csv", bytes: csv([thaiHeader, own]) });
    expect(alone.statusCode, alone.body).toBe(200);
    const roles = ["agency_admin", "evaluator", "auditor", "division_officer"] as const;
    const readers = [];
    for (const role of ["auditor", "division_officer"] as const)
      readers.push(await signInAs(app, database, [{ agencyId: ids.b ?? "", role }]));
    const outsiders = [];
    for (const role of roles)
      outsiders.push(await signInAs(app, database, [{ agencyId: ids.d ?? "", role }]));
    const afterOwn = await snapshot();
    for (const reader of readers)
      expect(
        (await send(reader, { name: "own.csv", bytes: csv([thaiHeader, own]) })).statusCode,
      ).toBe(403);
    // Every role of another agency: those who may write results somewhere get the row refused, the rest a 403.
    for (const [i, role] of roles.entries()) {
      const outsider = outsiders[i] as Browser;
      const refused = await send(outsider, { name: "own.csv", bytes: csv([thaiHeader, own]) });
      if (role === "auditor" || role === "division_officer") {
        expect(refused.statusCode, role).toBe(403);
        continue;
      }
      expect(refused.statusCode, role).toBe(400);
      expect(refused.json().error.details[0].en).toBe(
        "forbidden: you are not a member of this agency",
      );
    }
    expect(await snapshot()).toEqual(afterOwn);
    const anonymous = await app.inject({ method: "POST", url: "/api/imports/results" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("refuses files it cannot read with a Thai and English reason, and files over the limit with 413", async () => {
    const before = await snapshot();
    const problem = async (file: { name: string; bytes: Buffer | string; type?: string }) => {
      const response = await send(admin, file);
      return { status: response.statusCode, body: response.json().error };
    };
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(thaiHeader);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const cases = [
      { name: "notes.txt", bytes: "hello", type: "text/plain" },
      { name: "old.xlsx", bytes: "not a zip at all" },
      { name: "empty.xlsx", bytes: "" },
      { name: "cut.xlsx", bytes: xlsx.subarray(0, xlsx.length >> 1) },
      { name: "only-header.xlsx", bytes: xlsx },
      { name: "empty.csv", bytes: "" },
      { name: "quote.csv", bytes: `${thaiHeader.join(",")}\n"unclosed,2566` },
    ];
    for (const file of cases) {
      const { status, body } = await problem(file);
      expect(status, file.name).toBe(400);
      expect(body.details[0].path, file.name).toBe("file");
      expect(body.details[0].th, file.name).toMatch(/[ก-๙]/);
    }
    const unknown = await problem({ name: "x.csv", bytes: csv([[...thaiHeader, "colour"], []]) });
    expect(unknown.body.details.map((d: { path: string }) => d.path)).toEqual(["row 1 / colour"]);
    const missing = await problem({ name: "x.csv", bytes: "ชื่อหน่วยงาน,i1\nก,1" });
    expect(missing.body.details.map((d: { en: string }) => d.en)).toEqual([
      "a column agency id, or both agency name and province, is required",
      "a fiscal year column is required",
      "an official overall column is required",
    ]);
    const notMultipart = await app.inject({
      method: "POST",
      url: "/api/imports/results",
      payload: { file: "x" },
      ...admin,
    });
    expect(notMultipart.statusCode).toBe(400);
    // Blank lines the parser skips, past the upload limit.
    const huge = await problem({
      name: "huge.csv",
      bytes: `${thaiHeader.join(",")}\n${"\n".repeat(21 * 1024 * 1024)}`,
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe("TOO_LARGE");
    expect(await snapshot()).toEqual(before);
  });

  it("accepts the documented example file", async () => {
    const example = readFileSync(
      new URL("../../../../examples/results-import-2565.csv", import.meta.url),
    );
    const response = await send(
      admin,
      { name: "results-import-2565.csv", bytes: example },
      "?dryRun=true",
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      dryRun: true,
      rows: 1,
      agencies: 1,
      discrepancies: [],
    });
  });

  it("documents the upload in the OpenAPI description", async () => {
    const spec = (await app.inject({ url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/imports/results",
        "/api/fiscal-years/{fiscalYear}/open",
        "/api/agencies/{agencyId}/assessments/{assessmentId}/result",
      ]),
    );
  });
});
