import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../db/database.ts";
import { documents, measures } from "../../db/schema.ts";
import { type Browser, signInAs } from "../../test-sessions.ts";
import { type HuaiSakYear, huaiSakExample, insertHuaiSakYear } from "../../test-year.ts";

// Test-only: the Huai Sak year as the public sees it — two results, measures under way, a
// six-month report, an approved document and a newer draft — beside an agency with hostile text.

export const HOSTILE_AGENCY = `<script>alert("agency")</script> & "เทศบาล" 'บี'`;
export const HOSTILE_MEASURE = `<img src=x onerror=alert(1)> มาตรการ </td></tr>`;
export const FORMULA_MEASURE = `=HYPERLINK("http://evil.example","คลิก")`;

export interface PublicWorld {
  huaiSak: HuaiSakYear;
  /** Its measures in plan order. */
  measureIds: string[];
  coordinator: Browser & { userId: string; email: string };
  /** Version 1, approved by the head. */
  approvedId: string;
  /** Version 2, generated after it and not approved. */
  draftId: string;
  hostile: HuaiSakYear;
}

export async function buildPublicWorld(
  app: FastifyInstance,
  database: Database,
): Promise<PublicWorld> {
  const { db } = database;
  const huaiSak = await insertHuaiSakYear({ db, history: true });
  const rows = await db
    .select({ id: measures.id })
    .from(measures)
    .where(
      and(eq(measures.agencyId, huaiSak.agencyId), eq(measures.assessmentId, huaiSak.assessmentId)),
    )
    .orderBy(asc(measures.position));
  const measureIds = rows.map((r) => r.id);
  const [first, second] = measureIds;
  if (!first || !second) throw new Error("the example has measures");
  await db
    .update(measures)
    .set({ status: "in_progress", progress: 40, startDate: "2022-10-01", dueDate: "2023-09-30" })
    .where(and(eq(measures.agencyId, huaiSak.agencyId), eq(measures.id, first)));
  await db
    .update(measures)
    .set({ status: "done", progress: 100, dueDate: "2023-03-31" })
    .where(and(eq(measures.agencyId, huaiSak.agencyId), eq(measures.id, second)));

  const coordinator = await signInAs(app, database, [
    { agencyId: huaiSak.agencyId, role: "agency_admin" },
  ]);
  const api = `/api/agencies/${huaiSak.agencyId}/assessments/${huaiSak.assessmentId}`;
  const report = await app.inject({
    method: "PUT",
    url: `${api}/progress/six_month`,
    payload: {
      asOf: "2023-03-31",
      summary: "ดำเนินการตามแผนแล้วครึ่งหนึ่ง",
      entries: [
        { measureId: first, status: "in_progress", progress: 40, note: "อยู่ระหว่างปรับปรุงเว็บไซต์" },
        { measureId: second, status: "done", progress: 100, note: "" },
      ],
    },
    ...coordinator,
  });
  if (report.statusCode !== 200) throw new Error(`progress report refused: ${report.body}`);
  const generate = async (formats: string[]) => {
    const answer = await app.inject({
      method: "POST",
      url: `${api}/documents`,
      payload: { kind: "measures", formats, digits: "arabic" },
      ...coordinator,
    });
    if (answer.statusCode !== 201) throw new Error(`document refused: ${answer.body}`);
    return answer.json().id as string;
  };
  const approvedId = await generate(["html", "docx"]);
  // 15 January 2566 at 10:00 in Thailand.
  await db
    .update(documents)
    .set({ approvedAt: new Date("2023-01-15T03:00:00Z"), approvedBy: coordinator.userId })
    .where(and(eq(documents.agencyId, huaiSak.agencyId), eq(documents.id, approvedId)));
  const draftId = await generate(["html"]);

  const [one, two] = huaiSakExample().measures;
  if (!one || !two) throw new Error("the example has measures");
  const hostile = await insertHuaiSakYear({
    db,
    agency: { name: HOSTILE_AGENCY, nameEn: "</p><script>alert(2)</script>" },
    measures: [
      { ...one, title: HOSTILE_MEASURE },
      { ...two, title: FORMULA_MEASURE },
    ],
  });
  return { huaiSak, measureIds, coordinator, approvedId, draftId, hostile };
}
