// Runs last: it gives the demo coordinator a second agency, so sign-in then asks which one.
import { demoAccount } from "./accounts.ts";
import { apiAs, expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

test("a coordinator who works for two agencies switches between them", async ({
  page,
}, testInfo) => {
  // The national office registers a second agency and makes the demo coordinator its admin too.
  await signIn(page, "national_admin");
  const agency = await apiAs<{ id: string }>(page, "POST", "/api/agencies", {
    name: "เทศบาลตำบลดอยฮาง",
    type: "เทศบาลตำบล",
    province: "เชียงราย",
    district: "เมืองเชียงราย",
    website: "https://www.doihang.go.th",
    headPosition: "นายกเทศมนตรีตำบลดอยฮาง",
    divisions: ["สำนักปลัดเทศบาล", "กองคลัง"],
  });
  await apiAs(page, "POST", `/api/agencies/${agency.id}/members`, {
    email: demoAccount("agency_admin").email,
    displayName: "ผู้ประสานงาน ITA",
    role: "agency_admin",
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "เลือกหน่วยงาน" })).toBeVisible();
  await expect(page.getByRole("link", { name: "เทศบาลตำบลดอยฮาง" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "national-admin-agencies");
  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  await expect(page).toHaveURL(/\/signin$/);

  await signIn(page, "agency_admin");
  await page.getByRole("link", { name: "เทศบาลตำบลห้วยสัก", exact: true }).click();
  await expect(page.getByText("ปีงบประมาณ พ.ศ. 2566")).toBeVisible();
  await snap(page, testInfo, "huai-sak-year");

  const switcher = page.getByLabel("หน่วยงาน", { exact: true });
  await expect(switcher.locator("option")).toHaveCount(2);
  await expect(switcher.locator("option", { hasText: "เทศบาลตำบลดอยฮาง (เชียงราย)" })).toHaveCount(
    1,
  );
  const huaiSak = await switcher.inputValue();
  await switcher.selectOption(agency.id);
  await expect(page.getByText("หน่วยงานนี้ยังไม่มีปีงบประมาณที่เปิดประเมิน")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "switched-to-doi-hang");

  await switcher.selectOption(huaiSak);
  await expect(page.getByText("ปีงบประมาณ พ.ศ. 2566")).toBeVisible();
});
