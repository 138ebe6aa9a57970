import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

test("a coordinator sets up the agency: divisions, website and head", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await page.getByRole("link", { name: "ข้อมูลหน่วยงาน" }).click();
  await expect(page.getByRole("heading", { name: /ข้อมูลหน่วยงาน/ })).toBeVisible();
  await expect(page.getByText("กองคลัง")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "settings");

  await page.getByLabel("ชื่อกองหรือสำนักที่จะเพิ่ม").fill("กองยุทธศาสตร์และงบประมาณ");
  await page.getByRole("button", { name: "เพิ่ม", exact: true }).click();
  await page.getByLabel("ชื่อผู้บริหารสูงสุด").fill("นายสมชาย ใจดี");
  await page.getByLabel("เว็บไซต์หลักของหน่วยงาน").fill("https://www.huaisak.go.th/");
  await snap(page, testInfo, "settings-edited");
  await page.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("บันทึกข้อมูลหน่วยงานแล้ว");
  await snap(page, testInfo, "settings-saved");

  await page.reload();
  await expect(page.getByText("กองยุทธศาสตร์และงบประมาณ")).toBeVisible();
  await expect(page.getByLabel("ชื่อผู้บริหารสูงสุด")).toHaveValue("นายสมชาย ใจดี");

  // A bad website is refused with the reason, and nothing changes.
  await page.getByLabel("เว็บไซต์หลักของหน่วยงาน").fill("ftp://huaisak");
  await page.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await snap(page, testInfo, "settings-refused");
  await page.reload();
  await expect(page.getByLabel("เว็บไซต์หลักของหน่วยงาน")).toHaveValue("https://www.huaisak.go.th/");
});
