import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadNationalReference } from "../../../domain/content/national-reference.ts";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import type { OpenResultRow, OpenResultsPage } from "../../../shared/open-data.ts";
import { buildApp } from "../../app.ts";
import { type Database, queryRows } from "../../db/database.ts";
import { findOpenYear } from "../../services/find-open-year.ts";
import { openResultPages } from "../../services/list-open-results.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import {
  BULK_COUNT,
  BULK_YEAR,
  buildOpenDataWorld,
  insertBulkYear,
  type OpenAgency,
  type OpenDataWorld,
  RESULT_EDITOR,
} from "./test-open-data-world.ts";

// Every agency's results of a year as open data: the files and the API hold exactly the stored
// figures, stream past one keyset page, revalidate by ETag and refuse a flood with a Thai 429.

type CsvRow = Record<string, string>;
const column = (row: CsvRow, key: string) => {
  const name = Object.keys(row).find((k) => k.endsWith(` / ${key}`));
  if (name === undefined) throw new Error(`no column ${key}`);
  return row[name] ?? "";
};
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);

/** The open row an agency's stored result of `year` must become. */
function expectedRow(agency: OpenAgency, year: number, regionTh: string) {
  const result = agency.results[year];
  if (!result) throw new Error("no result that year");
  return {
    agency_id: agency.id,
    agency_name: agency.name,
    agency_type: agency.type,
    province: agency.province,
    region_id: agency.regionId,
    region: regionTh,
    fiscal_year: year,
    framework_id: `ita-${year}`,
    indicator_1_performance_of_duties: result.indicators["1"],
    indicator_2_use_of_budget: result.indicators["2"],
    indicator_3_use_of_authority: result.indicators["3"],
    indicator_4_use_of_government_property: result.indicators["4"],
    indicator_5_solving_corruption_problems: result.indicators["5"],
    indicator_6_quality_of_operations: result.indicators["6"],
    indicator_7_communication_efficiency: result.indicators["7"],
    indicator_8_work_improvement: result.indicators["8"],
    indicator_9_information_disclosure: result.indicators["9"],
    indicator_10_corruption_prevention: result.indicators["10"],
    computed_overall: result.overall,
    level: result.level,
    official_overall: result.official,
    official_level: result.officialLevel,
  };
}

describe.each(engines)("open data on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: OpenDataWorld;
  const regionTh = (id: string) =>
    loadNationalReference().regions.find((r) => r.id === id)?.th ?? "";

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", OPEN_DATA_RATE_PER_MINUTE: 100_000 },
      database,
    });
    w = await buildOpenDataWorld(database.db);
    await insertBulkYear(database.db);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const expected2566 = () =>
    [w.huaiSak, w.bangSaen].sort(byId).map((a) => expectedRow(a, 2566, regionTh(a.regionId)));

  it("serves a year as a UTF-8 CSV with a BOM, a Thai file name and exactly the stored figures", async () => {
    const answer = await app.inject({ url: "/open-data/results/2566.csv" });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["cache-control"]).toBe("public, max-age=300");
    expect([...answer.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const disposition = String(answer.headers["content-disposition"]);
    expect(disposition).toContain('attachment; filename="ita-results-2566.csv"');
    expect(disposition).toContain(
      `filename*=UTF-8''${encodeURIComponent("ผลการประเมิน-ITA-ทุกหน่วยงาน-ปีงบประมาณ-2566.csv")}`,
    );

    const rows: CsvRow[] = parse(answer.rawPayload, { bom: true, columns: true });
    const headers = Object.keys(rows[0] ?? {});
    expect(headers[0]).toBe("รหัสหน่วยงาน / agency_id");
    expect(headers).toContain("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ / indicator_1_performance_of_duties");
    expect(headers).toContain("คะแนนรวม / computed_overall");
    // The agency assessed without a result is in no row.
    expect(rows.map((r) => column(r, "agency_id"))).toEqual(expected2566().map((r) => r.agency_id));
    for (const [index, want] of expected2566().entries()) {
      const row = rows[index] ?? {};
      for (const [key, value] of Object.entries(want))
        expect(column(row, key), key).toBe(value === null ? "" : String(value));
    }
    expect(answer.body).not.toContain(RESULT_EDITOR);
  });

  it("serves the same rows as one JSON document, with the fields named from the framework", async () => {
    const answer = await app.inject({ url: "/open-data/results/2566.json" });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(String(answer.headers["content-disposition"])).toContain("ita-results-2566.json");
    const data = answer.json();
    expect(data.fiscalYear).toBe(2566);
    expect(data.license).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(data.indicators.map((i: { key: string }) => i.key)).toHaveLength(10);
    expect(data.indicators[8]).toEqual({
      number: 9,
      key: "indicator_9_information_disclosure",
      th: "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
      en: "Information disclosure",
    });
    expect(data.rows).toEqual(expected2566());

    const last = (await app.inject({ url: "/open-data/results/2565.json" })).json();
    expect(last.rows).toEqual([expectedRow(w.huaiSak, 2565, regionTh("north"))]);
    expect(answer.body + JSON.stringify(last)).not.toContain(RESULT_EDITOR);
  });

  it("answers a year without results with 404 in Thai and English: plain text for files, JSON for the API", async () => {
    for (const url of ["/open-data/results/2599.csv", "/open-data/results/2567.json"]) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(answer.headers["access-control-allow-origin"]).toBe("*");
      expect(answer.body).toMatch(
        /ไม่มีผลการประเมินของปีงบประมาณ 25(99|67)\nNo results for fiscal year/,
      );
    }
    const api = await app.inject({ url: "/api/open/results?fiscalYear=2567" });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe("INPUT_NOT_FOUND");
    expect(api.json().error.message).toContain("ไม่มีผลการประเมินของปีงบประมาณ 2567");
    expect(api.json().error.message).toContain("no results for fiscal year 2567");
    const bad = await app.inject({ url: "/open-data/results/25x6.csv" });
    expect(bad.statusCode).toBe(400);
  });

  it("streams more than one keyset page in agency-id order", async () => {
    const answer = await app.inject({ url: `/open-data/results/${BULK_YEAR}.csv` });
    expect(answer.statusCode).toBe(200);
    const rows: CsvRow[] = parse(answer.rawPayload, { bom: true, columns: true });
    expect(rows).toHaveLength(BULK_COUNT);
    const ids = rows.map((r) => column(r, "agency_id"));
    expect(new Set(ids).size).toBe(BULK_COUNT);
    expect(ids).toEqual([...ids].sort());
    const [stored] = await queryRows<{ ids: number }>(
      database.db,
      sql`select count(*)::int as ids from assessments where fiscal_year = ${BULK_YEAR}`,
    );
    expect(stored?.ids).toBe(BULK_COUNT);
    expect(rows.every((r) => column(r, "indicator_1_performance_of_duties") === "50")).toBe(true);
    expect(rows.every((r) => column(r, "indicator_2_use_of_budget") === "")).toBe(true);

    const json = (await app.inject({ url: `/open-data/results/${BULK_YEAR}.json` })).json();
    expect(json.rows.map((r: OpenResultRow) => r.agency_id)).toEqual(ids);
  });

  it("reads the rows one page at a time", async () => {
    const { db } = database;
    const year = await findOpenYear({ db, frameworks: loadFrameworks(), fiscalYear: BULK_YEAR });
    expect(year.count).toBe(BULK_COUNT);
    const reference = loadNationalReference();
    const sizes: number[] = [];
    let previous = "";
    for await (const page of openResultPages({ db, reference, year, pageSize: 1000 })) {
      sizes.push(page.length);
      expect((page[0]?.agency_id ?? "") > previous).toBe(true);
      previous = page.at(-1)?.agency_id ?? "";
    }
    expect(sizes).toEqual([1000, 1000, BULK_COUNT - 2000]);
  });

  it("answers 304 to the ETag it gave until a result of the year changes", async () => {
    for (const url of [
      "/open-data/results/2566.csv",
      "/open-data/results/2566.json",
      "/api/open/results?fiscalYear=2566",
    ]) {
      const first = await app.inject({ url });
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      const again = await app.inject({ url, headers: { "if-none-match": etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe("");
      expect(again.headers["cache-control"]).toBe("public, max-age=300");
    }
    const csvTag = String((await app.inject({ url: "/open-data/results/2566.csv" })).headers.etag);
    const jsonTag = String(
      (await app.inject({ url: "/open-data/results/2566.json" })).headers.etag,
    );
    expect(csvTag).not.toBe(jsonTag);
    await database.db.execute(
      sql`update results set updated_at = now() + interval '1 minute' where agency_id = ${w.bangSaen.id}`,
    );
    const changed = await app.inject({
      url: "/open-data/results/2566.csv",
      headers: { "if-none-match": csvTag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(csvTag);
    // Another year's ETag did not move.
    const other = await app.inject({ url: "/open-data/results/2565.csv" });
    const still = await app.inject({
      url: "/open-data/results/2565.csv",
      headers: { "if-none-match": String(other.headers.etag) },
    });
    expect(still.statusCode).toBe(304);
  });

  it("pages the API by agency id with a next cursor, and filters by province, kind and region", async () => {
    const all = expected2566();
    const first = await app.inject({ url: "/api/open/results?fiscalYear=2566&limit=1" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["access-control-allow-origin"]).toBe("*");
    const one: OpenResultsPage = first.json();
    expect(one.rows).toEqual([all[0]]);
    expect(one.next).toBe(all[0]?.agency_id);
    const second: OpenResultsPage = (
      await app.inject({ url: `/api/open/results?fiscalYear=2566&limit=1&cursor=${one.next}` })
    ).json();
    expect(second.rows).toEqual([all[1]]);
    expect(second.next).toBeNull();

    const rowsOf = async (query: string) =>
      (
        (
          await app.inject({ url: `/api/open/results?fiscalYear=2566&${query}` })
        ).json() as OpenResultsPage
      ).rows.map((r) => r.agency_id);
    expect(await rowsOf(`province=${encodeURIComponent("ชลบุรี")}`)).toEqual([w.bangSaen.id]);
    expect(await rowsOf(`type=${encodeURIComponent("เทศบาลตำบล")}`)).toEqual([w.huaiSak.id]);
    expect(await rowsOf("region=north")).toEqual([w.huaiSak.id]);
    expect(await rowsOf("region=south")).toEqual([]);
    const bulk: OpenResultsPage = (
      await app.inject({ url: `/api/open/results?fiscalYear=${BULK_YEAR}&limit=1000` })
    ).json();
    expect(bulk.rows).toHaveLength(1000);
    expect(bulk.next).toBe(bulk.rows.at(-1)?.agency_id);
  });

  it("refuses bad queries with every problem in Thai and English", async () => {
    const unknown = await app.inject({
      url: `/api/open/results?fiscalYear=2566&province=${encodeURIComponent("แอตแลนติส")}&region=moon`,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "querystring.province",
      "querystring.region",
    ]);
    for (const detail of unknown.json().error.details) {
      expect(detail.th).toMatch(/[ก-๙]/);
      expect(detail.en).toMatch(/unknown/);
    }
    for (const query of ["limit=1001", "limit=0", "cursor=nope", "", "fiscalYear=abc"]) {
      const answer = await app.inject({
        url: `/api/open/results?${query.startsWith("fiscalYear") || query === "" ? query : `fiscalYear=2566&${query}`}`,
      });
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().error.code).toBe("INPUT_INVALID");
      expect(answer.json().error.details.length, query).toBeGreaterThan(0);
    }
  });
});

describe.each(engines)("open data rate limit on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: { LOG_LEVEL: "silent", OPEN_DATA_RATE_PER_MINUTE: 3 },
      database,
    });
    await buildOpenDataWorld(database.db);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("answers 429 in Thai once an address exceeds OPEN_DATA_RATE_PER_MINUTE, other addresses unaffected", async () => {
    const from = (remoteAddress: string) => ({
      url: "/open-data/results/2566.csv",
      remoteAddress,
    });
    for (let i = 0; i < 3; i++)
      expect((await app.inject(from("203.0.113.7"))).statusCode).toBe(200);
    const refused = await app.inject(from("203.0.113.7"));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("RATE_LIMITED");
    expect(refused.json().error.message).toMatch(/^ลองบ่อยเกินไป/);
    expect(refused.headers["access-control-allow-origin"]).toBe("*");
    expect((await app.inject(from("203.0.113.8"))).statusCode).toBe(200);
  });
});
