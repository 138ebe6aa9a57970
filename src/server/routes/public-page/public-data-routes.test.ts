import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicYearData } from "../../../shared/public-page.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildPublicWorld, FORMULA_MEASURE, type PublicWorld } from "./test-public-world.ts";

// The public page's data for machines: the same figures as the page, in JSON and in a CSV that
// Excel opens with its Thai intact.

type CsvRow = Record<string, string>;
const column = (row: CsvRow, en: string) => {
  const key = Object.keys(row).find((k) => k.endsWith(` / ${en}`));
  if (key === undefined) throw new Error(`no column ${en}`);
  return row[key] ?? "";
};

describe.each(engines)("public data on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: PublicWorld;
  let year: string;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    w = await buildPublicWorld(app, database);
    year = `/p/${w.huaiSak.agencyId}/2566`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("serves the year as JSON: result beside last year, measures, reports and only the approved document", async () => {
    const answer = await app.inject({ url: `${year}/data.json` });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["cache-control"]).toBe("public, max-age=60");
    const data: PublicYearData = answer.json();
    expect(data.agency.name).toBe("เทศบาลตำบลห้วยสัก");
    expect(data.fiscalYear).toBe(2566);
    expect(data.years).toEqual([2566, 2565, 2564]);
    expect(data.result?.fiscalYear).toBe(2565);
    expect(data.result?.overall).toBeCloseTo(78.33, 2);
    expect(data.result?.level).toBe("B");
    expect(data.result?.previous?.fiscalYear).toBe(2564);
    const example = w.huaiSak.example.results.indicators;
    expect(
      Object.fromEntries(data.result?.indicators.map((i) => [String(i.number), i.score]) ?? []),
    ).toEqual(Object.fromEntries(Object.entries(example).map(([k, v]) => [k, v])));
    expect(data.result?.indicators.every((i) => i.previous === (i.score ?? 0) - 5)).toBe(true);
    expect(data.measures.map((m) => [m.status, m.progress])).toEqual([
      ["in_progress", 40],
      ["done", 100],
      ["planned", 0],
      ["planned", 0],
    ]);
    expect(data.document?.id).toBe(w.approvedId);
    expect(data.document?.approvedOn).toBe("2023-01-15");
    expect(data.document?.files.map((f) => f.url)).toEqual([
      `${year}/documents/${w.approvedId}.html`,
      `${year}/documents/${w.approvedId}.docx`,
    ]);
    expect(data.progressReports.map((r) => [r.kind, r.entries.length])).toEqual([["six_month", 2]]);
    // Nothing about who did what, and no draft.
    expect(answer.body).not.toContain(w.draftId);
    expect(answer.body).not.toContain(w.coordinator.userId);
    expect(answer.body).not.toContain(w.coordinator.email);
    expect(answer.body).not.toMatch(/updatedBy|createdBy|approvedBy|"input"/);
  });

  it("carries the same figures as the page", async () => {
    const data: PublicYearData = (await app.inject({ url: `${year}/data.json` })).json();
    const page = (await app.inject({ url: year })).body;
    for (const indicator of data.result?.indicators ?? []) {
      expect(page).toContain(`<td class="n">${indicator.score?.toFixed(2)}</td>`);
      expect(page).toContain(`<td class="n">${indicator.previous?.toFixed(2)}</td>`);
    }
    expect(page).toContain(`<span class="big">${data.result?.overall.toFixed(2)}</span>`);
    for (const [index, measure] of data.measures.entries()) {
      expect(page).toContain(`${index + 1}. ${measure.title}`);
      expect(page).toContain(`<span style="width:${measure.progress}%"></span>`);
      expect(page).toContain(measure.statusLabel.th);
    }
  });

  it("serves the same data as a UTF-8 CSV with a BOM, a Thai download name and Thai-English headers", async () => {
    const data: PublicYearData = (await app.inject({ url: `${year}/data.json` })).json();
    const answer = await app.inject({ url: `${year}/data.csv` });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect([...answer.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const disposition = String(answer.headers["content-disposition"]);
    expect(disposition).toContain('attachment; filename="ita-2566.csv"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("ข้อมูล-ITA-เทศบาลตำบลห้วยสัก-2566.csv")}`,
    );
    expect(answer.headers.etag).toMatch(/^"[\w-]+"$/);

    const rows: CsvRow[] = parse(answer.body, { bom: true, columns: true });
    expect(Object.keys(rows[0] ?? {})).toContain("คะแนน / score");
    const of = (record: string) => rows.filter((r) => column(r, "record") === record);
    const [overall] = of("overall");
    expect(Number(column(overall ?? {}, "score"))).toBe(data.result?.overall);
    expect(column(overall ?? {}, "level")).toBe("B");
    expect(
      of("indicator").map((r) => [Number(column(r, "number")), Number(column(r, "score"))]),
    ).toEqual(data.result?.indicators.map((i) => [i.number, i.score]));
    expect(of("indicator").map((r) => Number(column(r, "previous_score")))).toEqual(
      data.result?.indicators.map((i) => i.previous),
    );
    expect(
      of("measure").map((r) => [
        column(r, "name"),
        column(r, "status"),
        Number(column(r, "progress_percent")),
        column(r, "due_date"),
      ]),
    ).toEqual(data.measures.map((m) => [m.title, m.status, m.progress, m.dueDate ?? ""]));
    expect(of("measure")[0] && column(of("measure")[0] ?? {}, "responsible")).toBe(
      data.measures[0]?.responsible.join("; "),
    );
    expect(of("document").map((r) => column(r, "url"))).toEqual(
      data.document?.files.map((f) => f.url),
    );
    expect(rows.every((r) => column(r, "agency") === "เทศบาลตำบลห้วยสัก")).toBe(true);
  });

  it("keeps a hostile title a text cell in the CSV, never a formula", async () => {
    const answer = await app.inject({ url: `/p/${w.hostile.agencyId}/2566/data.csv` });
    const rows: CsvRow[] = parse(answer.body, { bom: true, columns: true });
    const names = rows
      .filter((r) => column(r, "record") === "measure")
      .map((r) => column(r, "name"));
    expect(names).toContain(`'${FORMULA_MEASURE}`);
    expect(answer.body).not.toContain("เทศบาลตำบลห้วยสัก");
  });

  it("answers unknown agencies and years with the API's error body", async () => {
    const unknown = await app.inject({ url: `/p/${randomUUID()}/2566/data.json` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("INPUT_NOT_FOUND");
    const noYear = await app.inject({ url: `${year.replace("2566", "2570")}/data.csv` });
    expect(noYear.statusCode).toBe(404);
    const malformed = await app.inject({ url: "/p/not-a-uuid/2566/data.json" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].path).toBe("params.agencyId");
  });

  it("gives absolute links once the site's public address is known, in the data and on OIT pages", async () => {
    const site = await buildApp({
      config: { LOG_LEVEL: "silent", PUBLIC_URL: "https://prongsai.example.go.th/" },
      database,
    });
    try {
      const data: PublicYearData = (await site.inject({ url: `${year}/data.json` })).json();
      expect(data.links.page).toBe(`https://prongsai.example.go.th${year}`);
      expect(data.document?.files[0]?.url).toBe(
        `https://prongsai.example.go.th${year}/documents/${w.approvedId}.html`,
      );
      const item = (await site.inject({ url: `${year}/oit/O42` })).body;
      expect(item).toContain(`href="https://prongsai.example.go.th${year}/oit/O42"`);
    } finally {
      await site.close();
    }
  });
});
