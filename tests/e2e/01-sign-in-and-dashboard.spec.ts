import { demoAccount } from "./accounts.ts";
import { expect, expectAccessible, snap, test } from "./fixtures.ts";

test("a coordinator signs in and sees the year's dashboard, in Thai, with English a click away", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { name: "เข้าสู่ระบบโปร่งใส" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "sign-in");

  const account = demoAccount("agency_admin");
  await page.getByLabel("อีเมล").fill(account.email);
  await page.getByLabel("รหัสผ่าน").fill("not-the-password");
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("alert")).toContainText("รหัสผ่าน");
  await snap(page, testInfo, "wrong-password");

  await page.getByLabel("รหัสผ่าน").fill(account.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("heading", { name: /เทศบาลตำบลห้วยสัก/ })).toBeVisible();
  await expect(page).toHaveURL(/\/agencies\/[0-9a-f-]+\/2566$/);
  await expect(page.getByText("ปีงบประมาณ พ.ศ. 2566")).toBeVisible();
  await expect(page.getByText("ขั้นต่อไป:")).toBeVisible();
  await expect(page.getByRole("heading", { name: "มาตรการของปีนี้" })).toBeVisible();
  await expect(page.getByText("78.33")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "dashboard");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Year overview" })).toBeVisible();
  await expect(page.getByText("Fiscal year 2566 (B.E.)")).toBeVisible();
  await snap(page, testInfo, "dashboard-english");
  await page.getByRole("button", { name: "ภาษาไทย" }).click();
  await expect(page.getByRole("link", { name: "ภาพรวมปีนี้" })).toBeVisible();
});
