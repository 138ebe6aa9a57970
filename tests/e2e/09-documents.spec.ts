import { readFile, stat } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import type { DashboardResponse } from "../../src/shared/dashboard.ts";
import type { DocumentVersion } from "../../src/shared/document.ts";
import { apiAs, expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

/** The versions stored so far, so the journey also holds after other journeys made some. */
async function storedVersions(page: Page): Promise<number> {
  const agencyId = /\/agencies\/([0-9a-f-]+)\//.exec(page.url())?.[1];
  const dashboard = await apiAs<DashboardResponse>(
    page,
    "GET",
    `/api/agencies/${agencyId}/dashboard`,
  );
  const year = dashboard.assessments.find((a) => a.fiscalYear === 2566);
  const path = `/api/agencies/${agencyId}/assessments/${year?.id}/documents`;
  return (await apiAs<DocumentVersion[]>(page, "GET", path)).length;
}

async function download(page: Page, link: RegExp): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const path = await file.path();
  expect((await stat(path)).size).toBeGreaterThan(0);
  return { file, bytes: await readFile(path) };
}

test("the coordinator generates the analysis and measures document, reads it, downloads it and records the head's approval", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await expect(page).toHaveURL(/\/2566$/);
  await page.getByRole("link", { name: "ไปที่เอกสาร" }).click();
  await expect(page).toHaveURL(/\/2566\/documents$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("เอกสารการวิเคราะห์และมาตรการ");
  await expect(page.getByRole("link", { name: "เอกสาร", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  const before = await storedVersions(page);
  const first = before + 1;
  if (before === 0) await expect(page.getByText("ยังไม่มีเอกสารของปีนี้")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "documents-empty");

  // Generate with Thai digits: the button waits, and says it is working, until the file is ready.
  await expect(page.getByLabel("เลขไทย (๑ ๒ ๓)")).toBeChecked();
  await page.getByRole("button", { name: "สร้างเอกสาร", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "กำลังสร้างเอกสาร" })).toBeVisible();
  await expect(page.getByRole("button", { name: "สร้างเอกสาร", exact: true })).toBeDisabled();
  await snap(page, testInfo, "generating");
  await expect(
    page.getByRole("status").filter({ hasText: `สร้างเอกสารฉบับที่ ${first} แล้ว` }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: new RegExp(`^เอกสารฉบับที่ ${first}`) }),
  ).toBeVisible();
  await expect(page.getByText("ร่าง ยังไม่ได้รับความเห็นชอบ").first()).toBeVisible();

  // The preview shows the document itself, sandboxed.
  const preview = page.locator(`iframe[title="ตัวอย่างเอกสารฉบับที่ ${first}"]`);
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(preview.contentFrame().getByText("เทศบาลตำบลห้วยสัก").first()).toBeVisible();
  await expectAccessible(page);
  // A frame is painted in a full-page picture once it has been scrolled into view.
  await preview.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "generated");

  // Both downloads carry the server's file names.
  const docx = await download(page, /ดาวน์โหลด Word \(DOCX\)/);
  expect(docx.file.suggestedFilename()).toMatch(/^มาตรการ-เทศบาลตำบลห้วยสัก-2566-v\d+\.docx$/);
  expect(docx.bytes.subarray(0, 2).toString()).toBe("PK");
  const pdf = await download(page, /ดาวน์โหลด PDF/);
  expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");

  // The head's approval: a day inside fiscal year 2566, then a confirm step that says what it means.
  await page.getByLabel("วันที่ผู้บริหารลงนามให้ความเห็นชอบ").fill("2023-01-15");
  await expect(page.getByText("วันที่ที่เลือก: 15 ม.ค. 2566")).toBeVisible();
  await page.getByRole("button", { name: `อนุมัติ/ให้ความเห็นชอบ ฉบับที่ ${first}` }).click();
  await expect(page.getByRole("heading", { name: "ยืนยันการให้ความเห็นชอบ" })).toBeFocused();
  await expect(page.getByText("หน้าเปิดเผยข้อมูลสาธารณะของหน่วยงานเผยแพร่")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "approval-confirm");
  await page.getByRole("button", { name: "ยืนยันการให้ความเห็นชอบ" }).click();

  const approved = first + 1;
  await expect(
    page.getByRole("status").filter({ hasText: `เอกสารฉบับที่ ${approved} คือฉบับที่ได้รับความเห็นชอบ` }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: new RegExp(`^เอกสารฉบับที่ ${approved}`) }),
  ).toContainText("ได้รับความเห็นชอบแล้ว");
  await expect(page.getByText("(พิมพ์ในเอกสาร): 15 ม.ค. 2566")).toBeVisible();
  const history = page.getByRole("table");
  const approvedRow = history
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: String(approved), exact: true }) });
  await expect(approvedRow).toContainText("ได้รับความเห็นชอบแล้ว");
  await expect(approvedRow).toContainText("เลขไทย");
  const draftRow = history
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: String(first), exact: true }) });
  await expect(draftRow).toContainText("ร่าง");
  // The approved version prints the day the head signed, in Thai digits.
  const approvedPreview = page.locator(`iframe[title="ตัวอย่างเอกสารฉบับที่ ${approved}"]`);
  await expect(approvedPreview.contentFrame().getByText("๑๕ มกราคม พ.ศ. ๒๕๖๖")).toBeVisible();
  await expectAccessible(page);
  await approvedPreview.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "approved");

  // An older version can still be read, and the page says it is not the latest.
  await page.getByRole("button", { name: `ดูฉบับที่ ${first}` }).click();
  await expect(page.getByText(`ฉบับล่าสุดคือฉบับที่ ${approved}`)).toBeVisible();
  await page.getByRole("button", { name: "ดูฉบับล่าสุด" }).click();
  await expect(
    page.getByRole("heading", { name: new RegExp(`^เอกสารฉบับที่ ${approved}`) }),
  ).toBeVisible();

  // On a phone the page fits the screen; the history table scrolls inside its own box.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("heading", { name: "ประวัติฉบับเอกสาร" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await approvedPreview.scrollIntoViewIfNeeded();
  await snap(page, testInfo, "phone");
});
