import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

/** Clicks a download link and returns the file's bytes. */
async function download(page: Page, name: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).first().click(),
  ]);
  return readFile(await file.path());
}

test("the coordinator follows survey responses, sets the IIT population, prints code cards and a poster", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await expect(page).toHaveURL(/\/2566$/);
  // The dashboard's survey panel shows each tool's responses.
  const panel = page.getByRole("region", { name: "แบบสำรวจ IIT และ EIT" });
  await expect(panel.getByRole("heading", { name: /^IIT/ })).toBeVisible();
  await expect(panel.getByText(/ตอบแล้ว \d+/).first()).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "dashboard-surveys");

  await page.getByRole("link", { name: "แบบสำรวจ IIT/EIT" }).click();
  await expect(page).toHaveURL(/\/2566\/surveys$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("แบบสำรวจ IIT และ EIT");
  const iit = page.getByRole("region", { name: /^IIT/ });
  await expect(iit.getByLabel("ลิงก์สำหรับผู้ตอบ")).toHaveValue(/\/go\/iit\/[a-z2-9]{12}$/);
  await expectAccessible(page);
  await snap(page, testInfo, "surveys");

  // Population 120: the framework asks at least 30 of them.
  await iit.getByLabel("จำนวนประชากร (คน)").fill("120");
  await iit.getByRole("button", { name: "บันทึกการตั้งค่า" }).click();
  await expect(iit.getByRole("status").filter({ hasText: "บันทึกการตั้งค่าแล้ว" })).toBeVisible();
  await expect(iit.getByText(/ตอบแล้ว \d+ จากขั้นต่ำ 30 ขาดอีก \d+/)).toBeVisible();
  await expect(iit.locator("progress")).toHaveAttribute("max", "30");
  await expectAccessible(page);
  await snap(page, testInfo, "population-set");

  // Ten single-use codes in a new batch, then its cards as a PDF.
  await iit.getByLabel("จำนวนรหัสที่จะสร้าง").fill("10");
  await iit.getByRole("button", { name: "สร้างรหัส" }).click();
  const made = iit.getByRole("status").filter({ hasText: /สร้างรหัสชุดที่ (\d+) จำนวน 10 รหัสแล้ว/ });
  await expect(made).toBeVisible();
  const batch = /ชุดที่ (\d+)/.exec((await made.textContent()) ?? "")?.[1];
  await expectAccessible(page);
  await snap(page, testInfo, "codes-made");
  const cards = await download(page, new RegExp(`ดาวน์โหลดบัตรรหัสชุดที่ ${batch} \\(PDF\\)`));
  expect(cards.subarray(0, 5).toString()).toBe("%PDF-");

  const poster = await download(page, /ดาวน์โหลดโปสเตอร์/);
  expect(poster.subarray(0, 5).toString()).toBe("%PDF-");
  await snap(page, testInfo, "downloads");
});
