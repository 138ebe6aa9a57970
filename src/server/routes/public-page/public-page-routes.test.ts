import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFrameworks } from "../../../domain/framework/load-frameworks.ts";
import { oitItems } from "../../../domain/framework/lookup.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import {
  buildPublicWorld,
  HOSTILE_AGENCY,
  HOSTILE_MEASURE,
  type PublicWorld,
} from "./test-public-world.ts";

// What anyone on the internet sees of an agency: its figures, measures and progress, only its
// approved document, nothing of another agency, never a script.

const MAX_PAGE_BYTES = 60 * 1024;

describe.each(engines)("public pages on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let w: PublicWorld;
  let year: string;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

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

  it("opens an agency's address on its latest year with data", async () => {
    const answer = await get(`/p/${w.huaiSak.agencyId}`);
    expect(answer.statusCode).toBe(302);
    expect(answer.headers.location).toBe(year);
  });

  it("shows the agency, the result its measures analyse beside last year, and the chart with its table", async () => {
    const page = await get(year);
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const body = page.body;
    expect(body).toMatch(/^<!DOCTYPE html>\n<html lang="th">/);
    for (const text of [
      "<h1>เทศบาลตำบลห้วยสัก</h1>",
      "Huai Sak Subdistrict Municipality",
      "นายกเทศมนตรีตำบลห้วยสัก",
      'href="https://www.huaisak.go.th"',
      "ผลการประเมิน ITA ปีงบประมาณ 2565",
      // Overall 78.33 (B) from the example's indicators; 2564 is five points lower on each.
      '<span class="big">78.33</span>',
      "73.33 (ระดับ C)",
    ])
      expect(body).toContain(text);
    const scores = [93.7, 93.2, 93.1, 95.7, 84.8, 75.0, 69.7, 69.5, 74.8, 71.6];
    for (const score of scores) {
      expect(body).toContain(`<td class="n">${score.toFixed(2)}</td>`);
      expect(body).toContain(`<td class="n">${(score - 5).toFixed(2)}</td>`);
    }
    expect(body).toContain('<th scope="row">การเปิดเผยข้อมูล<span class="muted"> (OIT)</span>');
    expect(body).toMatch(/<svg[^>]*role="img" aria-label="คะแนนรายตัวชี้วัด ITA ปีงบประมาณ 2565"/);
  });

  it("shows each measure with its divisions, Thai status, progress and Buddhist-era due date", async () => {
    const body = (await get(year)).body;
    const [first, second] = w.huaiSak.example.measures;
    expect(body).toContain(`1. ${first?.title}`);
    expect(body).toContain(`2. ${second?.title}`);
    expect(body).toContain("สำนักปลัดเทศบาล, กองคลัง, กองช่าง");
    expect(body).toContain('<span class="badge s-in_progress">อยู่ระหว่างดำเนินการ</span>');
    expect(body).toContain('<span class="badge s-done">ดำเนินการแล้วเสร็จ</span>');
    expect(body).toContain('<span style="width:40%"></span>');
    expect(body).toContain("ร้อยละ 40");
    expect(body).toContain("30 กันยายน 2566");
    expect(body).toContain("31 มีนาคม 2566");
    expect(body).toContain(
      "ทั้งหมด 4 มาตรการ: ยังไม่เริ่มดำเนินการ 2, อยู่ระหว่างดำเนินการ 1, ดำเนินการแล้วเสร็จ 1",
    );
    // The six-month report, with each measure's line.
    expect(body).toContain("รายงานความก้าวหน้ารอบ 6 เดือน ณ วันที่ 31 มีนาคม 2566");
    expect(body).toContain("ดำเนินการตามแผนแล้วครึ่งหนึ่ง");
    expect(body).toContain("อยู่ระหว่างปรับปรุงเว็บไซต์");
  });

  it("links only the approved document version, and serves only approved versions", async () => {
    const body = (await get(year)).body;
    expect(body).toContain("ฉบับที่ 1 ผู้บริหารอนุมัติเมื่อ 15 มกราคม 2566");
    expect(body).toContain(`href="${year}/documents/${w.approvedId}.html"`);
    expect(body).toContain(`href="${year}/documents/${w.approvedId}.docx"`);
    expect(body).not.toContain(w.draftId);
    expect(body).not.toContain(`${w.approvedId}.pdf`);

    const html = await get(`${year}/documents/${w.approvedId}.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(html.body).toContain("เทศบาลตำบลห้วยสัก");
    const docx = await get(`${year}/documents/${w.approvedId}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(docx.headers["content-disposition"]).toContain("filename*=UTF-8''");
    expect(docx.headers["cache-control"]).toBe("public, max-age=60");

    for (const url of [
      `${year}/documents/${w.draftId}.html`,
      `${year}/documents/${w.approvedId}.pdf`,
      `/p/${w.huaiSak.agencyId}/2565/documents/${w.approvedId}.html`,
      `/p/${w.hostile.agencyId}/2566/documents/${w.approvedId}.html`,
      `${year}/documents/${randomUUID()}.html`,
    ]) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.headers["content-type"], url).toBe("text/html; charset=utf-8");
      expect(answer.body, url).not.toContain("เทศบาลตำบลห้วยสัก");
    }
  });

  it("says in Thai that no approved document is published yet", async () => {
    const body = (await get(`/p/${w.hostile.agencyId}/2566`)).body;
    expect(body).toContain("หน่วยงานยังไม่ได้เผยแพร่เอกสารมาตรการของปีงบประมาณ 2566 ที่ผ่านการอนุมัติ");
    expect(body).toContain("ยังไม่มีรายงานความก้าวหน้ารอบ 6 เดือนหรือรอบสิ้นปีงบประมาณ");
  });

  it("escapes hostile agency and measure text", async () => {
    const body = (await get(`/p/${w.hostile.agencyId}/2566`)).body;
    expect(body).not.toContain("<script");
    expect(body).not.toContain("<img");
    expect(body).toContain(
      "&lt;script&gt;alert(&quot;agency&quot;)&lt;/script&gt; &amp; &quot;เทศบาล&quot; &#x27;บี&#x27;",
    );
    expect(body).toContain("&lt;img src=x onerror=alert(1)&gt; มาตรการ &lt;/td&gt;&lt;/tr&gt;");
    expect(body).toContain("&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    const item = (await get(`/p/${w.hostile.agencyId}/2566/oit/O42`)).body;
    expect(item).not.toContain("<script");
    expect(item).toContain("&lt;script&gt;");
    expect(HOSTILE_AGENCY).toContain("<script>");
    expect(HOSTILE_MEASURE).toContain("<img");
  });

  it("never shows another agency's data, people's e-mails or user ids", async () => {
    const theirs = (await get(`/p/${w.hostile.agencyId}/2566`)).body;
    expect(theirs).not.toContain("เทศบาลตำบลห้วยสัก");
    expect(theirs).not.toContain(w.huaiSak.agencyId);
    for (const url of [year, `${year}/oit`, `${year}/oit/O42`, `${year}/oit/O43`]) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain(w.coordinator.email);
      expect(body, url).not.toContain(w.coordinator.userId);
      expect(body, url).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      expect(body, url).not.toContain(w.hostile.agencyId);
    }
  });

  it("answers a Thai 404 page for an unknown agency, a malformed id, a year without data or an agency with none", async () => {
    const { id: empty } = await createAgency({
      db: database.db,
      actor: "test",
      agency: buildAgency({ name: "เทศบาลตำบลยังไม่มีปี" }),
    });
    const cases: [string, string][] = [
      [`/p/${randomUUID()}`, "ไม่พบหน่วยงานนี้"],
      [`/p/${randomUUID()}/2566`, "ไม่พบหน่วยงานนี้"],
      ["/p/not-a-uuid", "ไม่พบหน่วยงาน ปีงบประมาณ หรือเอกสารตามที่อยู่นี้"],
      [`/p/${w.huaiSak.agencyId}/abc`, "ไม่พบหน่วยงาน ปีงบประมาณ หรือเอกสารตามที่อยู่นี้"],
      [`/p/${w.huaiSak.agencyId}/2570`, "ไม่พบข้อมูลปีงบประมาณ 2570 ของหน่วยงานนี้"],
      [`/p/${empty}`, "หน่วยงานนี้ยังไม่มีข้อมูลที่เผยแพร่"],
      [`${year}/no-such-page`, "ไม่พบหน่วยงาน ปีงบประมาณ หรือเอกสารตามที่อยู่นี้"],
    ];
    for (const [url, message] of cases) {
      const answer = await get(url);
      expect(answer.statusCode, url).toBe(404);
      expect(answer.headers["content-type"], url).toBe("text/html; charset=utf-8");
      expect(answer.body, url).toContain("<h1>ไม่พบหน้าที่ต้องการ</h1>");
      expect(answer.body, url).toContain(message);
      expect(answer.body, url).not.toContain("<script");
    }
  });

  it("lists every OIT item of the year's framework, each at its own stable address", async () => {
    const framework = loadFrameworks().get("ita-2566");
    if (!framework) throw new Error("ita-2566 is loaded");
    const index = await get(`${year}/oit`);
    expect(index.statusCode).toBe(200);
    for (const item of oitItems(framework))
      expect(index.body).toContain(
        `<a href="${year}/oit/${item.id}">${item.id} ${item.title.th.replaceAll("&", "&amp;")}</a>`,
      );
    for (const sub of framework.oit) expect(index.body).toContain(`${sub.id} ${sub.name.th}</h2>`);

    const measuresItem = await get(`${year}/oit/O42`);
    expect(measuresItem.statusCode).toBe(200);
    expect(measuresItem.body).toContain(
      "<h1>O42 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</h1>",
    );
    expect(measuresItem.body).toContain(`href="${year}/documents/${w.approvedId}.docx"`);
    expect(measuresItem.body).not.toContain(w.draftId);
    const actions = (await get(`${year}/oit/o43`)).body;
    expect(actions).toContain(`href="${year}#reports"`);
    expect(actions).toContain("ความก้าวหน้าของมาตรการ 4 มาตรการ");
    const other = (await get(`${year}/oit/O1`)).body;
    expect(other).toContain("ยังไม่มีการบันทึกหลักฐานของข้อนี้ในระบบโปร่งใส");
    expect(other).toContain(`${year}/oit/O1`);
    const unpublished = (await get(`/p/${w.hostile.agencyId}/2566/oit/O42`)).body;
    expect(unpublished).toContain("หน่วยงานยังไม่ได้เผยแพร่");

    const unknown = await get(`${year}/oit/O99`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("ไม่พบข้อ O99 ในรายการ OIT ของปีงบประมาณ 2566");
  });

  it("keeps every page without script, within 60 KB, and tells caches it is public for a minute", async () => {
    const framework = loadFrameworks().get("ita-2566");
    if (!framework) throw new Error("ita-2566 is loaded");
    const urls = [
      year,
      `${year}/oit`,
      ...oitItems(framework).map((item) => `${year}/oit/${item.id}`),
      `/p/${w.hostile.agencyId}/2566`,
      `/p/${randomUUID()}/2566`,
    ];
    for (const url of urls) {
      const answer = await get(url);
      expect(answer.body, url).not.toMatch(/<script|<[^>]*\son[a-z]+=|javascript:/i);
      expect(answer.headers["content-security-policy"], url).toContain("default-src 'none'");
    }
    const page = await get(year);
    expect(page.rawPayload.byteLength).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    expect(page.headers["cache-control"]).toBe("public, max-age=60");
    const etag = String(page.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(year, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });
});
