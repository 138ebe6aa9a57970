import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "./app.ts";
import type { Database } from "./db/database.ts";
import { listOperations } from "./fuzz/openapi-operations.ts";
import { backupDatabase, restoreDatabase } from "./services/backup-database.ts";
import { engines, freshDatabase } from "./test-databases.ts";
import { multipartForm } from "./test-multipart.ts";
import { buildWorld, type World } from "./test-world.ts";

// A restored copy must answer the API exactly as the original did: every GET route of the
// OpenAPI document, as the same signed-in people (their sessions are restored too), compared
// byte for byte, for each pair of engines.

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "prongsai-backup-api-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function answers(app: FastifyInstance, world: World, ids: Record<string, string>) {
  const out: Record<string, { status: number; type: unknown; body: string }> = {};
  for (const op of await listOperations(app)) {
    // /readyz names the engine, which is the one thing meant to differ.
    if (op.method !== "GET" || op.path.startsWith("/api/docs") || op.path === "/readyz") continue;
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? "");
    for (const [who, browser] of [
      ["national", world.national],
      ["auditor", world.a.people.auditor],
    ] as const) {
      const response = await app.inject({ url, ...browser });
      out[`${who} ${url}`] = {
        status: response.statusCode,
        type: response.headers["content-type"],
        body: response.body,
      };
    }
  }
  return out;
}

describe.each(engines.flatMap((from) => engines.map((to) => [from, to] as const)))(
  "backup on %s, restore on %s",
  (from, to) => {
    let source: Database;
    let target: Database;
    let world: World;
    let ids: Record<string, string>;
    let before: Awaited<ReturnType<typeof answers>>;

    beforeAll(async () => {
      source = await freshDatabase(from);
      const app = await buildApp({ config: { LOG_LEVEL: "silent" }, database: source });
      world = await buildWorld(app, source);
      const { a } = world;
      const base = `/api/agencies/${a.agencyId}/assessments/${a.assessments[2566]}`;
      const form = multipartForm("รายงานผล.pdf", "application/pdf", Buffer.from("%PDF-1.4 หลักฐาน"));
      const upload = await app.inject({
        method: "POST",
        url: `${base}/measures/${a.measureId}/files`,
        payload: form.payload,
        cookies: a.people.agency_admin.cookies,
        headers: { ...a.people.agency_admin.headers, ...form.headers },
      });
      expect(upload.statusCode).toBe(201);
      const progress = await app.inject({
        method: "PUT",
        url: `${base}/progress/six_month`,
        payload: {
          asOf: "2023-03-31",
          summary: "ดำเนินการแล้วครึ่งหนึ่ง",
          entries: [{ measureId: a.measureId, status: "in_progress", progress: 50, note: "" }],
        },
        ...a.people.agency_admin,
      });
      expect(progress.statusCode).toBe(200);
      ids = {
        agencyId: a.agencyId,
        assessmentId: a.assessments[2566],
        measureId: a.measureId,
        fileId: upload.json().id,
        documentId: a.measureId,
        userId: a.people.auditor.userId,
        kind: "six_month",
        format: "pdf",
        fiscalYear: "2566",
        frameworkId: "ita-2566",
        indicatorId: "9",
      };
      before = await answers(app, world, ids);
      await app.close();
      const file = join(dir, `${from}-${to}.jsonl.gz`);
      await backupDatabase({ db: source.db, file });
      target = await freshDatabase(to);
      await restoreDatabase({ db: target.db, file });
    });
    afterAll(async () => {
      await source?.close();
      await target?.close();
    });

    it("answers every GET route identically, uploaded bytes included", async () => {
      const app = await buildApp({ config: { LOG_LEVEL: "silent" }, database: target });
      try {
        const after = await answers(app, world, ids);
        expect(Object.keys(after).length).toBeGreaterThan(20);
        // The sweep reached real data, not only refusals.
        const ok = Object.values(before).filter((a) => a.status === 200).length;
        expect(ok).toBeGreaterThan(15);
        expect(after).toEqual(before);
      } finally {
        await app.close();
      }
    });
  },
);
