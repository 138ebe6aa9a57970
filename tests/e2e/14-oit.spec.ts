import type { Page } from "@playwright/test";
import { apiAs, expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

/** The agency and the 2566 assessment of the page the browser is on. */
async function yearIds(page: Page): Promise<{ agencyId: string; assessmentId: string }> {
  const agencyId = /\/agencies\/([0-9a-f-]+)\//.exec(page.url())?.[1] ?? "";
  const dashboard = await apiAs<{ assessments: { id: string; fiscalYear: number }[] }>(
    page,
    "GET",
    `/api/agencies/${agencyId}/dashboard`,
  );
  const assessmentId = dashboard.assessments.find((a) => a.fiscalYear === 2566)?.id ?? "";
  return { agencyId, assessmentId };
}

test("the coordinator fills and submits the OIT checklist, the evaluator gives verdicts, the dashboard follows", async ({
  page,
}, testInfo) => {
  // Forty-three items on one page: full-page screenshots and axe take a while on a busy machine.
  test.setTimeout(300_000);
  await signIn(page, "agency_admin");
  await expect(page).toHaveURL(/\/2566$/);
  const panel = page.getByRole("region", { name: "การเปิดเผยข้อมูลสาธารณะ (OIT)" });
  await expect(panel.getByText("ตอบแล้ว 5 จาก 43 ข้อ")).toBeVisible();
  await expect(panel.getByText("ร่าง ยังไม่ได้ส่ง")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "dashboard-oit-draft");

  await page.getByRole("link", { name: "แบบ OIT", exact: true }).click();
  await expect(page).toHaveURL(/\/2566\/oit$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "แบบตรวจการเปิดเผยข้อมูลสาธารณะ",
  );
  const o6 = page.getByRole("region", { name: /^O6 / });
  await expect(o6.getByText("ยังไม่ได้ตอบ")).toBeVisible();
  await expect(page.getByText("ยังไม่เคยตรวจเว็บไซต์ของปีนี้")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "checklist");

  // Two more items: one published, one the agency does not have.
  await o6
    .getByRole("group", { name: "ข้อ O6 มีข้อมูลนี้หรือไม่" })
    .getByLabel("มี", { exact: true })
    .check();
  await o6.getByLabel("ลิงก์หลักฐานของข้อ O6").fill("https://www.huaisak.go.th/ita/laws");
  await o6.getByLabel("คำอธิบายของข้อ O6").fill("รวบรวมกฎหมายที่เกี่ยวข้องไว้ในหน้าเดียว");
  const o7 = page.getByRole("region", { name: /^O7 / });
  await o7.getByRole("group", { name: "ข้อ O7 มีข้อมูลนี้หรือไม่" }).getByLabel("ไม่มี").check();
  await o7.getByLabel("คำอธิบายของข้อ O7").fill("อยู่ระหว่างจัดทำ");
  await expect(page.getByText("มีข้อที่แก้ไขแต่ยังไม่ได้บันทึก 2 ข้อ")).toBeVisible();
  await page.getByRole("button", { name: "บันทึกร่าง" }).click();
  await expect(page.getByRole("status").filter({ hasText: "บันทึกร่างแล้ว" })).toBeVisible();
  await expect(page.getByText("ตอบแล้ว 7 จาก 43 ข้อ")).toBeVisible();
  await expect(o6.getByText("มี", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "draft-saved");

  // Submitting too early lists every item still unanswered.
  await page.getByRole("button", { name: "ส่งให้ผู้ประเมินตรวจ" }).click();
  await expect(page.getByRole("alertdialog", { name: "ยืนยันการส่งแบบ OIT" })).toBeVisible();
  await snap(page, testInfo, "submit-confirm");
  await page.getByRole("button", { name: "ส่งแบบ OIT" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "ยังส่งแบบ OIT ไม่ได้" });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByText(/ข้อ O8 .*ยังไม่ได้ตอบว่ามีหรือไม่มี/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "submit-refused");

  // The rest of the list answered (as a long form would be), then the submission goes through.
  const { agencyId, assessmentId } = await yearIds(page);
  const framework = await apiAs<{ oit: { items: { id: string; topic: string }[] }[] }>(
    page,
    "GET",
    "/api/frameworks/ita-2566",
  );
  const rest = framework.oit
    .flatMap((s) => s.items)
    .filter((i) => !["O1", "O2", "O3", "O4", "O5", "O6", "O7"].includes(i.id))
    .map((i) => ({
      itemId: i.id,
      has: true,
      urls: [`https://www.huaisak.go.th/ita/${i.topic}`],
      explanation: "",
    }));
  await apiAs(page, "PUT", `/api/agencies/${agencyId}/assessments/${assessmentId}/oit/answers`, {
    answers: rest,
  });
  const stored = await apiAs<{ progress: { answered: number } }>(
    page,
    "GET",
    `/api/agencies/${agencyId}/assessments/${assessmentId}/oit`,
  );
  expect(stored.progress.answered).toBe(43);
  // Changed behind the page's back: a reload drops the half-minute cache.
  await page.reload();
  await expect(page.getByText("ตอบแล้ว 43 จาก 43 ข้อ")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "ส่งให้ผู้ประเมินตรวจ" }).click();
  await page.getByRole("button", { name: "ส่งแบบ OIT" }).click();
  await expect(page.getByRole("heading", { name: "ส่งแล้ว รอผู้ประเมินตรวจ" })).toBeVisible();
  await expect(page.getByRole("button", { name: "บันทึกร่าง" })).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, testInfo, "submitted");

  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  // The evaluator reviews: the answer, the checker's finding (none yet), a verdict and a comment.
  await signIn(page, "evaluator");
  await page.goto(`/agencies/${agencyId}/2566/oit`);
  await expect(page.getByRole("heading", { name: "ส่งแล้ว รอผู้ประเมินตรวจ" })).toBeVisible();
  const r1 = page.getByRole("region", { name: /^O1 / });
  await expect(r1.getByText("ยังไม่มีผลตรวจเว็บไซต์อัตโนมัติ")).toBeVisible();
  await r1
    .getByRole("group", { name: "ผลการตรวจข้อ O1" })
    .getByLabel("ผ่าน", { exact: true })
    .check();
  const r7 = page.getByRole("region", { name: /^O7 / });
  await r7.getByRole("group", { name: "ผลการตรวจข้อ O7" }).getByLabel("ไม่ผ่าน").check();
  await r7.getByLabel("ความเห็นถึงหน่วยงานสำหรับข้อ O7").fill("ไม่พบข้อมูลบนเว็บไซต์หลัก");
  await expectAccessible(page);
  await snap(page, testInfo, "review");
  await page.getByRole("button", { name: "บันทึกผลการตรวจ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "บันทึกผลการตรวจแล้ว" })).toBeVisible();
  const score = page.getByRole("region", { name: "คะแนน OIT" });
  await expect(score.getByText("คะแนนเบื้องต้นจากผลการตรวจที่มีอยู่", { exact: false })).toBeVisible();
  await expect(score.getByRole("row", { name: /9\.1 .*1 จาก 10 ข้อ/ })).toBeVisible();
  await expect(r7.getByText("ไม่ผ่าน").first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "verdicts-saved");

  // The dashboard's OIT panel: everything answered, submitted, and the preliminary score.
  await page.goto(`/agencies/${agencyId}/2566`);
  const reviewed = page.getByRole("region", { name: "การเปิดเผยข้อมูลสาธารณะ (OIT)" });
  await expect(reviewed.getByText("ตอบแล้ว 43 จาก 43 ข้อ")).toBeVisible();
  await expect(reviewed.getByText("ส่งแล้ว รอผู้ประเมินตรวจ")).toBeVisible();
  await expect(reviewed.getByText(/ตัวชี้วัดที่ 9 คะแนนเบื้องต้น 2\.00/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "dashboard-oit-reviewed");
});
