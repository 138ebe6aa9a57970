import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import type { DashboardResponse } from "../../src/shared/dashboard.ts";
import type { DocumentVersion } from "../../src/shared/document.ts";
import { apiAs, expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

/** The year has an approved document: made here through the API when no journey made one before. */
async function ensureApproval(page: Page): Promise<void> {
  const agencyId = /\/agencies\/([0-9a-f-]+)\//.exec(`${page.url()}/`)?.[1];
  const dashboard = await apiAs<DashboardResponse>(
    page,
    "GET",
    `/api/agencies/${agencyId}/dashboard`,
  );
  const year = dashboard.assessments.find((a) => a.fiscalYear === 2566);
  const path = `/api/agencies/${agencyId}/assessments/${year?.id}/documents`;
  const versions = await apiAs<DocumentVersion[]>(page, "GET", path);
  if (versions.some((v) => v.approvedAt)) return;
  const made = await apiAs<DocumentVersion>(page, "POST", path, {
    kind: "measures",
    formats: ["html"],
  });
  await apiAs(page, "POST", `${path}/${made.id}/approve`, { approvedOn: "2023-01-15" });
}

const bodyRows = (page: Page) => page.locator("table.audit-table > tbody > tr:not(.details-row)");

test("the coordinator reads the audit trail: the year's changes in Thai, one in detail, the chain intact, older entries and a CSV", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await ensureApproval(page);
  await page.getByRole("link", { name: "ประวัติการแก้ไข" }).click();
  await expect(page).toHaveURL(/\/2566\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ประวัติการแก้ไข");

  // The chain check comes first.
  await expect(page.getByRole("status").filter({ hasText: "ตรวจสอบแล้ว: บันทึกทั้ง" })).toContainText(
    /บันทึกทั้ง \d+ รายการครบถ้วน ไม่ถูกแก้ไข/,
  );

  // This year's entries, newest first, in plain Thai with the code beside.
  await expect(page.getByLabel("เฉพาะปีงบประมาณ พ.ศ. 2566")).toBeChecked();
  const table = page.locator("table.audit-table");
  await expect(
    table.getByRole("row").filter({ hasText: "document.approve" }).first(),
  ).toContainText("ผู้บริหารให้ความเห็นชอบเอกสาร");
  await expect(
    table.getByRole("row").filter({ hasText: "assessment.approve" }).first(),
  ).toContainText("บันทึกวันที่ผู้บริหารให้ความเห็นชอบ");
  await expect(
    table.getByRole("row").filter({ hasText: "document.generate" }).first(),
  ).toContainText("สร้างเอกสารการวิเคราะห์และมาตรการ");
  await expect(table.getByText("เพิ่มมาตรการ").first()).toBeVisible();
  await expect(table.getByText("ผู้ประสานงาน ITA เทศบาลตำบลห้วยสัก").first()).toBeVisible();
  await expect(table.getByText(/\d+ [ก-๙.]+ 25\d\d \d\d:\d\d/).first()).toBeVisible();
  const seqs = await bodyRows(page).locator("th").allTextContents();
  expect(seqs.map(Number)).toEqual([...seqs.map(Number)].sort((a, b) => b - a));
  await expectAccessible(page);
  await snap(page, testInfo, "audit-year");

  // One entry in detail: what the approval changed, before and after.
  const approval = table.getByRole("row").filter({ hasText: "assessment.approve" }).first();
  await approval.getByRole("button", { name: /ดูรายละเอียด/ }).click();
  await expect(approval.getByRole("button", { name: /ซ่อนรายละเอียด/ })).toHaveAttribute(
    "aria-expanded",
    "true",
  );
  const details = page.locator(".details-row").first();
  await expect(details.getByRole("columnheader", { name: "ก่อนแก้ไข" })).toBeVisible();
  await expect(details.getByRole("columnheader", { name: "หลังแก้ไข" })).toBeVisible();
  const changed = details.getByRole("row").filter({ hasText: "วันที่ผู้บริหารให้ความเห็นชอบ" });
  await expect(changed).toContainText("2023-01-15");
  await expectAccessible(page);
  await snap(page, testInfo, "audit-details");

  // Everything of the agency, ten at a time: older entries load on demand.
  // The choice lives in the address, so the radio turns on after the router's update.
  const everything = page.getByLabel("ทั้งหมดของหน่วยงาน");
  await everything.click();
  await expect(everything).toBeChecked();
  await page.getByLabel("แสดงครั้งละ").selectOption({ label: "10 รายการ" });
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByText("แสดง 10 รายการ")).toBeVisible();
  await snap(page, testInfo, "audit-all-first-page");
  let shown = 10;
  while (await page.getByRole("button", { name: "โหลดเพิ่ม" }).isVisible()) {
    await page.getByRole("button", { name: "โหลดเพิ่ม" }).click();
    await expect.poll(() => bodyRows(page).count()).toBeGreaterThan(shown);
    shown = await bodyRows(page).count();
  }
  await expect(page.getByText("แสดงครบทุกรายการแล้ว")).toBeVisible();
  await expect(table.getByText("ลงทะเบียนหน่วยงาน")).toBeVisible();
  const allSeqs = (await bodyRows(page).locator("th").allTextContents()).map(Number);
  expect(new Set(allSeqs).size).toBe(allSeqs.length);
  expect(allSeqs.at(-1)).toBe(1);
  await expectAccessible(page);
  await snap(page, testInfo, "audit-all-loaded");

  // The shown entries as a CSV for Excel: UTF-8 with a byte order mark, one line per entry.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /ส่งออกรายการที่แสดงเป็น CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^ประวัติการแก้ไข-เทศบาลตำบลห้วยสัก-all\.csv$/);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFFลำดับ,วันเวลา,")).toBe(true);
  expect(csv).toContain("ผู้บริหารให้ความเห็นชอบเอกสาร,document.approve");
  expect(csv.trimEnd().split("\r\n")).toHaveLength(shown + 1);
  await expect(
    page.getByRole("status").filter({ hasText: `ส่งออก ${shown} รายการแล้ว` }),
  ).toBeVisible();

  // On a phone the page fits the screen; the table scrolls inside its own box.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await snap(page, testInfo, "audit-phone");
});
