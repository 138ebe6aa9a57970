import { createHash, randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import { buildApp } from "../../app.ts";
import type { Database } from "../../db/database.ts";
import { auditLog, blobs, measureFiles } from "../../db/schema.ts";
import { verifyAudit } from "../../services/verify-audit.ts";
import { createTestMeasure, createTwoAgencyYears } from "../../test-assessments.ts";
import { engines, freshDatabase } from "../../test-databases.ts";
import { multipartForm } from "../../test-multipart.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";

const form = multipartForm;

describe.each(engines)("measure file routes on %s", (engine) => {
  let database: Database;
  let app: FastifyInstance;
  let a: string;
  let b: string;
  let assessmentA: string;
  let assessmentB: string;
  let measureA: string;
  let admin: Browser;
  const filesUrl = (measureId = measureA, agencyId = a, assessmentId = assessmentA) =>
    `/api/agencies/${agencyId}/assessments/${assessmentId}/measures/${measureId}/files`;
  const upload = (browser: Browser, body: ReturnType<typeof form>, url = filesUrl()) =>
    app.inject({
      method: "POST",
      url,
      payload: body.payload,
      cookies: browser.cookies,
      headers: { ...browser.headers, ...body.headers },
    });
  const counts = async () => ({
    blobs: (await database.db.select({ n: count() }).from(blobs))[0]?.n,
    files: (await database.db.select({ n: count() }).from(measureFiles))[0]?.n,
    audit: (await database.db.select({ n: count() }).from(auditLog))[0]?.n,
  });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    app = await buildApp({ config: { LOG_LEVEL: "silent" }, database });
    ({ a, b, assessmentA, assessmentB } = await createTwoAgencyYears(database.db));
    measureA = (
      await createTestMeasure({ db: database.db, agencyId: a, assessmentId: assessmentA })
    ).id;
    admin = await signInAs(app, database, [{ agencyId: a, role: "agency_admin" }]);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("stores an upload and gives back exactly its bytes, with its Thai name and SHA-256", async () => {
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      Buffer.from("รายงานผลการดำเนินงาน\r\n--not-a-boundary\r\n", "utf8"),
      randomBytes(200_000),
    ]);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const name = "รายงานผล (รอบ 6 เดือน).pdf";
    const created = await upload(admin, form(name, "application/pdf", bytes));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name,
      type: "application/pdf",
      size: bytes.length,
      sha256,
    });

    const list = await app.inject({ url: filesUrl(), ...admin });
    expect(list.json()).toEqual([created.json()]);

    const download = await app.inject({ url: `${filesUrl()}/${created.json().id}`, ...admin });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers.etag).toBe(`"${sha256}"`);
    expect(download.headers["repr-digest"]).toBe(
      `sha-256=:${createHash("sha256").update(bytes).digest("base64")}:`,
    );
    const disposition = String(download.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe(name);

    // The same content on another measure is one blob named by two rows.
    const other = await createTestMeasure({
      db: database.db,
      agencyId: a,
      assessmentId: assessmentA,
    });
    expect(
      (await upload(admin, form("copy.pdf", "application/pdf", bytes), filesUrl(other.id)))
        .statusCode,
    ).toBe(201);
    const stored = await database.db
      .select({ n: count() })
      .from(blobs)
      .where(eq(blobs.sha256, sha256));
    expect(stored[0]?.n).toBe(1);

    // The audit names the file by its hash; its bytes never enter the log.
    const entries = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "measure_file.create"));
    expect(entries.map((e) => (e.after as { sha256: string }).sha256)).toEqual([sha256, sha256]);
    expect(JSON.stringify(entries)).not.toContain(bytes.subarray(300, 340).toString("base64"));
    expect((await verifyAudit({ db: database.db })).problems).toEqual([]);
  });

  it("refuses a file over the limit with 413 in Thai and stores nothing", async () => {
    const before = await counts();
    const big = await upload(
      admin,
      form("ใหญ่เกิน.bin", "application/octet-stream", Buffer.alloc(MAX_UPLOAD_BYTES + 1, 7)),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("TOO_LARGE");
    expect(big.json().error.message).toContain("เมกะไบต์");
    expect(await counts()).toEqual(before);
    // Exactly at the limit is accepted.
    const edge = await upload(
      admin,
      form("พอดี.bin", "application/octet-stream", Buffer.alloc(MAX_UPLOAD_BYTES, 9)),
    );
    expect(edge.statusCode).toBe(201);
    expect(edge.json().size).toBe(MAX_UPLOAD_BYTES);
  });

  it("asks for a file when none is sent", async () => {
    const json = await app.inject({
      method: "POST",
      url: filesUrl(),
      payload: { file: "x" },
      ...admin,
    });
    expect(json.statusCode).toBe(400);
    const wrongField = await upload(admin, form("a.txt", "text/plain", Buffer.from("x"), "other"));
    expect(wrongField.statusCode).toBe(400);
    const empty = await upload(admin, form("a.txt", "text/plain", Buffer.alloc(0)));
    expect(empty.statusCode).toBe(400);
    // The body was cut with another boundary than the header announces.
    const sent = form("a.pdf", "application/pdf", Buffer.from("%PDF"));
    const broken = await app.inject({
      method: "POST",
      url: filesUrl(),
      payload: sent.payload,
      cookies: admin.cookies,
      headers: { ...admin.headers, ...form("b", "b", Buffer.alloc(0)).headers },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].path).toBe("file");
  });

  it("lets officers of the responsible division upload and delete, and no one else", async () => {
    const own = await signInAs(app, database, [
      { agencyId: a, role: "division_officer", division: "กองคลัง" },
    ]);
    const other = await signInAs(app, database, [
      { agencyId: a, role: "division_officer", division: "กองช่าง" },
    ]);
    const auditor = await signInAs(app, database, [{ agencyId: a, role: "auditor" }]);
    const body = () => form("หลักฐาน.txt", "text/plain; charset=utf-8", Buffer.from("หลักฐาน"));
    expect((await upload(other, body())).statusCode).toBe(403);
    expect((await upload(auditor, body())).statusCode).toBe(403);
    const created = await upload(own, body());
    expect(created.statusCode).toBe(201);
    expect(created.json().type).toBe("text/plain");
    const fileUrl = `${filesUrl()}/${created.json().id}`;
    expect((await app.inject({ url: fileUrl, ...auditor })).statusCode).toBe(200);
    expect((await app.inject({ method: "DELETE", url: fileUrl, ...other })).statusCode).toBe(403);
    expect((await app.inject({ method: "DELETE", url: fileUrl, ...own })).statusCode).toBe(204);
    expect((await app.inject({ url: fileUrl, ...own })).statusCode).toBe(404);
    // The blob stays for any other row that names the same content.
    const sha256 = created.json().sha256 as string;
    expect((await database.db.select().from(blobs).where(eq(blobs.sha256, sha256))).length).toBe(1);
  });

  it("answers another agency's ids with 404 and refuses outsiders", async () => {
    const file = (await upload(admin, form("a.txt", "text/plain", Buffer.from("ก")))).json();
    const adminB = await signInAs(app, database, [{ agencyId: b, role: "agency_admin" }]);
    expect((await app.inject({ url: filesUrl(), ...adminB })).statusCode).toBe(403);
    expect((await app.inject({ url: `${filesUrl()}/${file.id}`, ...adminB })).statusCode).toBe(403);
    const viaB = filesUrl(measureA, b, assessmentB);
    expect((await app.inject({ url: viaB, ...adminB })).statusCode).toBe(404);
    expect((await app.inject({ url: `${viaB}/${file.id}`, ...adminB })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: "DELETE", url: `${viaB}/${file.id}`, ...adminB })).statusCode,
    ).toBe(404);
    expect(
      (await upload(adminB, form("x.txt", "text/plain", Buffer.from("x")), viaB)).statusCode,
    ).toBe(404);
    // The file of agency A is untouched.
    expect((await app.inject({ url: `${filesUrl()}/${file.id}`, ...admin })).statusCode).toBe(200);
  });
});
