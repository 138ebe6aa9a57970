import { Secret, TOTP } from "otpauth";
import { demoAccount } from "./accounts.ts";
import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

// A code of the step `offset` steps from now: each use takes a later step, as the server demands.
function code(secret: string, offset: number): string {
  const totp = new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  });
  return totp.generate({ timestamp: Date.now() + offset * 30_000 });
}

test("a coordinator turns on the second factor and signs in with it", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await page.getByRole("link", { name: /ผู้ประสานงาน ITA/ }).click();
  await expect(page.getByRole("heading", { name: /บัญชีของฉัน/ })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "account");

  await page.getByRole("button", { name: "เริ่มตั้งค่า" }).click();
  await expect(page.getByRole("img", { name: "คิวอาร์โค้ดสำหรับแอปยืนยันตัวตน" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  await expectAccessible(page);
  await snap(page, testInfo, "scan-qr");
  await page.getByLabel("รหัส 6 หลักจากแอป").fill(code(secret, -1));
  await page.getByRole("button", { name: "เปิดใช้งาน" }).click();
  await expect(page.getByText("เปิดใช้การยืนยันตัวตนสองขั้นตอนแล้ว")).toBeVisible();
  await snap(page, testInfo, "second-factor-on");

  await page.getByRole("button", { name: "ออกจากระบบ" }).click();
  const account = demoAccount("agency_admin");
  await page.getByLabel("อีเมล").fill(account.email);
  await page.getByLabel("รหัสผ่าน").fill(account.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByText("บัญชีนี้เปิดการยืนยันตัวตนสองขั้นตอน")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "code-asked");
  await page.getByLabel("รหัส 6 หลักจากแอปยืนยันตัวตน").fill(code(secret, 0));
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByText("ปีงบประมาณ พ.ศ. 2566")).toBeVisible();
  await snap(page, testInfo, "signed-in-with-code");

  // Back as it was, so the other journeys sign in with the password alone.
  await page.goto("/account");
  await page.getByLabel("รหัสผ่าน").fill(account.password);
  await page.getByLabel("รหัส 6 หลักจากแอป").fill(code(secret, 1));
  await page.getByRole("button", { name: "ปิดการยืนยันตัวตนสองขั้นตอน" }).click();
  await expect(page.getByRole("button", { name: "เริ่มตั้งค่า" })).toBeVisible();
});
