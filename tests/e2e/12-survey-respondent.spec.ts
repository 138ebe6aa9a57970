import type { Browser, Page } from "@playwright/test";
import { demoSurvey } from "./accounts.ts";
import { expect, expectAccessible, snap, test } from "./fixtures.ts";

// Respondents answer on cheap phones, often without JavaScript: the whole journey runs without it.
test.use({ javaScriptEnabled: false });

/**
 * axe-core and the width check run scripts of their own, so they read the page as shown (often
 * the answer to a form post) in a second page that allows scripts, served the same HTML at the
 * same address; the pages carry no script, so both render the same.
 */
async function inspect(browser: Browser, from: Page, width = 1280): Promise<number> {
  const html = await from.content();
  const address = from.url();
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  await page.route(
    (url) => url.href === address,
    (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  await page.goto(address);
  await expect(page.locator("script")).toHaveCount(0);
  await expectAccessible(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await context.close();
  return scrollWidth;
}

/** Chooses the first answer of every item on the screen, except the ones asked to skip. */
async function answerScreen(page: Page, skip = 0): Promise<void> {
  const groups = await page.locator("fieldset.choices").all();
  for (const group of groups.slice(skip)) await group.getByRole("radio").first().check();
}

/** Answers screen after screen until the answers are sent. */
async function answerToTheEnd(page: Page, screens: number): Promise<void> {
  for (let screen = 1; screen <= screens; screen++) {
    await expect(
      page.getByRole("heading", { level: 1, name: new RegExp(`ส่วนที่ ${screen} จาก ${screens}`) }),
    ).toBeVisible();
    await answerScreen(page);
    await page.getByRole("button", { name: screen === screens ? "ส่งคำตอบ" : "ถัดไป" }).click();
  }
}

test("a citizen answers the open EIT link and a staff member answers the IIT with a printed code, without JavaScript", async ({
  page,
  browser,
}, testInfo) => {
  // Eight screens and an axe run per page on a shared machine.
  test.setTimeout(240_000);
  const { links, code } = demoSurvey();

  // EIT, open to anyone with the link.
  await page.goto(links.EIT ?? "");
  await expect(
    page.getByRole("heading", { level: 1, name: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก" }),
  ).toBeVisible();
  await expect(page.getByText("เทศบาลตำบลห้วยสัก").first()).toBeVisible();
  await expect(page.getByText("ไม่ถามชื่อ")).toBeVisible();
  await inspect(browser, page);
  await snap(page, testInfo, "eit-start");

  await page.getByRole("button", { name: "เริ่มตอบแบบสำรวจ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ส่วนที่ 1 จาก 3/ })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await inspect(browser, page, 360)).toBeLessThanOrEqual(360);
  await snap(page, testInfo, "eit-screen-1-360px");

  // One item left out: the screen comes back saying which, linking to it.
  await answerScreen(page, 1);
  await page.getByRole("button", { name: "ถัดไป" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("ยังไม่ได้ตอบ 1 ข้อ");
  await expect(summary.getByRole("link")).toHaveCount(1);
  await inspect(browser, page, 360);
  await snap(page, testInfo, "eit-missing-item");
  await page.setViewportSize({ width: 1280, height: 900 });

  await answerToTheEnd(page, 3);
  await expect(page.getByRole("heading", { level: 1, name: "ขอบคุณที่ตอบแบบสำรวจ" })).toBeVisible();
  await expect(page).toHaveURL(/\/thanks$/);
  await inspect(browser, page);
  await snap(page, testInfo, "eit-thanks");

  // IIT, with the code printed on a card; its QR code opens the link with the code filled in.
  await page.goto(`${links.IIT}?code=${code}`);
  await expect(page.getByLabel("รหัสบนบัตร")).toHaveValue(code);
  await inspect(browser, page);
  await snap(page, testInfo, "iit-start-with-code");
  await page.getByRole("button", { name: "เริ่มตอบแบบสำรวจ" }).click();
  await answerToTheEnd(page, 5);
  await expect(page.getByRole("heading", { level: 1, name: "ขอบคุณที่ตอบแบบสำรวจ" })).toBeVisible();
  await snap(page, testInfo, "iit-thanks");

  // The same card again: a plain page saying the code has been used.
  await page.goto(`${links.IIT}?code=${code}`);
  await page.getByRole("button", { name: "เริ่มตอบแบบสำรวจ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "รหัสนี้ใช้ตอบแล้ว" })).toBeVisible();
  await inspect(browser, page);
  await snap(page, testInfo, "iit-code-used");
});
