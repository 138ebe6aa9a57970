import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildOpenDataWorld, RESULT_EDITOR } from "./test-open-data-world.ts";

// The catalogue a CKAN portal harvests with ckanext-dcat: a DCAT-US 1.1 data.json with one
// dataset per fiscal year that has results, whose files answer at their absolute addresses.

const PUBLIC_URL = "https://ita.example.go.th";

interface Distribution {
  downloadURL?: string;
  accessURL?: string;
  mediaType?: string;
  format?: string;
  title?: string;
}
interface PodDataset {
  title: string;
  description: string;
  identifier: string;
  keyword: string[];
  modified: string;
  publisher: { name: string };
  accessLevel: string;
  license: string;
  temporal: string;
  distribution: Distribution[];
}

/**
 * What ckanext-dcat's dcat_json harvester and its converter read: `dataset` (the list of
 * datasets); each one's `identifier` (the harvest guid, so unique), `title`, `distribution`
 * (read without a default) with `downloadURL` or `accessURL`; `keyword` become CKAN tags, whose
 * names allow only letters, digits, spaces and "-_."; plus DCAT-US 1.1's required fields.
 */
function dcatJsonProblems(doc: unknown): string[] {
  const problems: string[] = [];
  const catalog = doc as { dataset?: unknown; conformsTo?: unknown; "@type"?: unknown };
  if (catalog.conformsTo !== "https://project-open-data.cio.gov/v1.1/schema")
    problems.push("conformsTo");
  if (catalog["@type"] !== "dcat:Catalog") problems.push("@type");
  if (!Array.isArray(catalog.dataset)) return [...problems, "dataset is not a list"];
  const ids = new Set<string>();
  for (const [i, d] of (catalog.dataset as Partial<PodDataset>[]).entries()) {
    const at = `dataset[${i}]`;
    for (const key of ["title", "description", "identifier", "modified", "accessLevel"] as const)
      if (typeof d[key] !== "string" || d[key] === "") problems.push(`${at}.${key}`);
    if (d.identifier && ids.has(d.identifier)) problems.push(`${at}.identifier repeats`);
    if (d.identifier) ids.add(d.identifier);
    if (d.accessLevel !== "public") problems.push(`${at}.accessLevel`);
    if (typeof d.publisher?.name !== "string") problems.push(`${at}.publisher.name`);
    if (!Array.isArray(d.keyword) || d.keyword.length === 0) problems.push(`${at}.keyword`);
    for (const k of d.keyword ?? [])
      if (!/^[A-Za-z0-9 _.-]{2,100}$/.test(k)) problems.push(`${at}.keyword ${k}`);
    if (Number.isNaN(Date.parse(d.modified ?? ""))) problems.push(`${at}.modified`);
    if (!/^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/.test(d.temporal ?? ""))
      problems.push(`${at}.temporal`);
    if (!Array.isArray(d.distribution) || d.distribution.length === 0)
      problems.push(`${at}.distribution`);
    for (const [j, f] of (d.distribution ?? []).entries()) {
      const url = f.downloadURL ?? f.accessURL;
      if (!url || !/^https?:\/\//.test(url)) problems.push(`${at}.distribution[${j}] url`);
      if (!f.mediaType) problems.push(`${at}.distribution[${j}].mediaType`);
    }
  }
  return problems;
}

describe.each(engines)("open data catalogue on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({
      config: {
        LOG_LEVEL: "silent",
        PUBLIC_URL: `${PUBLIC_URL}/`,
        OPEN_DATA_RATE_PER_MINUTE: 1000,
      },
      database,
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lists no dataset before any result exists", async () => {
    const answer = await app.inject({ url: "/open-data/catalog.json" });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().dataset).toEqual([]);
    expect(dcatJsonProblems(answer.json())).toEqual([]);
  });

  it("describes one dataset per fiscal year with results, in the shape ckanext-dcat's dcat_json reads", async () => {
    await buildOpenDataWorld(database.db);
    const answer = await app.inject({ url: "/open-data/catalog.json" });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    const catalog = answer.json();
    expect(dcatJsonProblems(catalog)).toEqual([]);
    const datasets: PodDataset[] = catalog.dataset;
    // 2567 has an assessment but no result: no dataset.
    expect(datasets.map((d) => d.identifier)).toEqual([
      `${PUBLIC_URL}/open-data/results/2566`,
      `${PUBLIC_URL}/open-data/results/2565`,
    ]);
    const [y2566, y2565] = datasets;
    expect(y2566?.title).toContain("ปีงบประมาณ 2566");
    expect(y2566?.description).toMatch(/^ผลการประเมิน ITA ปีงบประมาณ พ\.ศ\. 2566 .*\(2 หน่วยงาน\)/);
    expect(y2565?.description).toContain("(1 หน่วยงาน)");
    expect(y2566?.temporal).toBe("2022-10-01/2023-09-30");
    expect(y2565?.temporal).toBe("2021-10-01/2022-09-30");
    expect(y2566?.license).toBe("https://creativecommons.org/licenses/by/4.0/");
    expect(
      y2566?.distribution.map((f) => [f.format, f.mediaType, f.downloadURL ?? f.accessURL]),
    ).toEqual([
      ["CSV", "text/csv", `${PUBLIC_URL}/open-data/results/2566.csv`],
      ["JSON", "application/json", `${PUBLIC_URL}/open-data/results/2566.json`],
      ["API", "application/json", `${PUBLIC_URL}/api/open/results?fiscalYear=2566`],
    ]);
    expect(answer.body).not.toContain(RESULT_EDITOR);
  });

  it("dates each dataset by the latest change to a result of its year", async () => {
    const { db } = database;
    await db.execute(sql`update results set updated_at = '2024-03-05T06:07:08.123Z'
                          where assessment_id in (select id from assessments where fiscal_year = 2565)`);
    const datasets: PodDataset[] = (await app.inject({ url: "/open-data/catalog.json" })).json()
      .dataset;
    expect(datasets.find((d) => d.identifier.endsWith("/2565"))?.modified).toBe(
      "2024-03-05T06:07:08.123Z",
    );
  });

  it("points at files that answer 200 with the year's rows", async () => {
    const datasets: PodDataset[] = (await app.inject({ url: "/open-data/catalog.json" })).json()
      .dataset;
    for (const dataset of datasets)
      for (const file of dataset.distribution) {
        const url = new URL(file.downloadURL ?? file.accessURL ?? "");
        expect(url.origin).toBe(PUBLIC_URL);
        const answer = await app.inject({ url: url.pathname + url.search });
        expect(answer.statusCode, url.href).toBe(200);
        expect(String(answer.headers["content-type"]), url.href).toContain(
          file.mediaType ?? "none",
        );
        expect(answer.body, url.href).toContain(
          dataset.identifier.endsWith("2566") ? "แสนสุข" : "ห้วยสัก",
        );
      }
  });

  it("gives a harvester asking for page 2 the same datasets, so it stops; HEAD works", async () => {
    const one = (await app.inject({ url: "/open-data/catalog.json" })).json();
    const two = (await app.inject({ url: "/open-data/catalog.json?page=2" })).json();
    expect(two.dataset.map((d: PodDataset) => d.identifier)).toEqual(
      one.dataset.map((d: PodDataset) => d.identifier),
    );
    const head = await app.inject({ method: "HEAD", url: "/open-data/catalog.json" });
    expect(head.statusCode).toBe(200);
  });

  it("answers 304 to its ETag until a result changes", async () => {
    const first = await app.inject({ url: "/open-data/catalog.json" });
    const etag = String(first.headers.etag);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
    const again = await app.inject({
      url: "/open-data/catalog.json",
      headers: { "if-none-match": etag },
    });
    expect(again.statusCode).toBe(304);
    await database.db.execute(sql`update results set updated_at = now() + interval '1 day'`);
    const changed = await app.inject({
      url: "/open-data/catalog.json",
      headers: { "if-none-match": etag },
    });
    expect(changed.statusCode).toBe(200);
  });

  it("serves the same catalogue as DCAT-AP in JSON-LD", async () => {
    const answer = await app.inject({ url: "/open-data/catalog.jsonld" });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/ld+json; charset=utf-8");
    const doc = answer.json();
    expect(doc["@context"]).toMatchObject({
      dcat: "http://www.w3.org/ns/dcat#",
      dct: "http://purl.org/dc/terms/",
      foaf: "http://xmlns.com/foaf/0.1/",
    });
    expect(doc["@type"]).toBe("dcat:Catalog");
    const datasets = doc["dcat:dataset"];
    expect(datasets.map((d: { "@id": string }) => d["@id"])).toEqual([
      `${PUBLIC_URL}/open-data/results/2566`,
      `${PUBLIC_URL}/open-data/results/2565`,
    ]);
    const [latest] = datasets;
    expect(latest["dct:temporal"]["dcat:startDate"]).toEqual({
      "@value": "2022-10-01",
      "@type": "xsd:date",
    });
    expect(latest["dct:title"]).toContainEqual(
      expect.objectContaining({ "@language": "th", "@value": expect.stringContaining("2566") }),
    );
    expect(
      latest["dcat:distribution"].map(
        (f: { "dcat:downloadURL": { "@id": string } }) => f["dcat:downloadURL"]["@id"],
      ),
    ).toEqual([
      `${PUBLIC_URL}/open-data/results/2566.csv`,
      `${PUBLIC_URL}/open-data/results/2566.json`,
    ]);
  });
});
