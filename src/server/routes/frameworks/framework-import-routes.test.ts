import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FrameworkDetail, OitItemsImportResponse } from "../../../shared/framework.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, frameworkVersions, NATIONAL_SCOPE } from "../../db/schema.ts";
import { createAgency } from "../../services/create-agency.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { buildAgency } from "../../test-factories.ts";
import { multipartForm } from "../../test-multipart.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const example = (ext: "xlsx" | "json") =>
  readFile(new URL(`../../../../examples/oit-items-2568.${ext}`, import.meta.url));
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const url = (query: string) => `/api/frameworks/oit-items?base=ita-2567&${query}`;

describe.each(engines)("OIT item list import on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let national: Browser & { userId: string };
  let agencyAdmin: Browser;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    const { id } = await createAgency({ db: database.db, actor: "test", agency: buildAgency() });
    national = await signInAs(app, database, [
      { agencyId: NATIONAL_SCOPE, role: "national_admin" },
    ]);
    agencyAdmin = await signInAs(app, database, [{ agencyId: id, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const upload = async (query: string, who: Browser = national) => {
    const form = multipartForm("รายการ OIT 2568.xlsx", xlsxType, await example("xlsx"));
    return app.inject({
      method: "POST",
      url: url(query),
      payload: form.payload,
      cookies: who.cookies,
      headers: { ...who.headers, ...form.headers },
    });
  };

  it("previews the mapping of an XLSX list on a dry run and stores nothing", async () => {
    const response = await upload("id=ita-2569&fiscalYear=2569&dryRun=true");
    expect(response.statusCode).toBe(200);
    const body: OitItemsImportResponse = response.json();
    expect(body.dryRun).toBe(true);
    expect(body.framework.id).toBe("ita-2569");
    expect(body.mapping.from).toBe("ita-2567");
    expect(body.mapping.items).toMatchObject({ O1: "O1", O3: "O1", O42: null, O39: "O16" });
    expect(body.summary.items).toBe(26);
    expect(body.summary.dropped).toHaveLength(10);
    expect(body.summary.moved).toContainEqual({
      from: "O39",
      to: "O16",
      fromSubIndicator: "10.2",
      toSubIndicator: "9.4",
    });
    const stored = await database.db.select().from(frameworkVersions);
    expect(stored).toEqual([]);
    const detail = await app.inject({ url: "/api/frameworks/ita-2569", ...national });
    expect(detail.statusCode).toBe(404);
  });

  it("answers national administrators only", async () => {
    const response = await upload("id=ita-2569&fiscalYear=2569&dryRun=true", agencyAdmin);
    expect(response.statusCode).toBe(403);
  });

  it("refuses a list with problems, listing each by its place, and stores nothing", async () => {
    const list = JSON.parse((await example("json")).toString("utf8"));
    list.items[0].previous = ["O99"];
    list.items[1].year = "ปีหน้า";
    list.dropped = list.dropped.slice(1);
    const response = await app.inject({
      method: "POST",
      url: url("id=ita-2569&fiscalYear=2569"),
      payload: list,
      ...national,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe("INPUT_INVALID");
    const paths = error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["items.0.previous", "items.1.year", "previous"]));
    expect(JSON.stringify(error.details)).toContain("ita-2567 O6 (laws) is neither mapped");
    expect(await database.db.select().from(frameworkVersions)).toEqual([]);
  });

  it("stores the new version, audits it, serves it at once and refuses the same id twice", async () => {
    const response = await app.inject({
      method: "POST",
      url: url("id=ita-2569&fiscalYear=2569"),
      payload: JSON.parse((await example("json")).toString("utf8")),
      ...national,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().dryRun).toBe(false);
    const detail = await app.inject({ url: "/api/frameworks/ita-2569", ...agencyAdmin });
    expect(detail.statusCode).toBe(200);
    const framework: FrameworkDetail = detail.json();
    expect(framework.fiscalYear).toBe(2569);
    expect(framework.oit.flatMap((s) => s.items)).toHaveLength(26);
    expect(framework.previous?.oitItems.O43).toBeNull();
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, "ita-2569"));
    expect(entry).toMatchObject({
      agencyId: NATIONAL_SCOPE,
      actor: national.userId,
      action: "framework.import",
      entity: "framework",
    });
    const again = await upload("id=ita-2569&fiscalYear=2569");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CONFLICT");
  });

  it("loads stored versions beside the files when the app starts", async () => {
    const restarted = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    try {
      const list = await restarted.inject({ url: "/api/frameworks", ...national });
      const ids = list.json().map((f: { id: string }) => f.id);
      expect(ids).toContain("ita-2569");
      expect(ids).toContain("ita-2567");
    } finally {
      await restarted.close();
    }
  });
});
