import {
  type APIRequestContext,
  type Browser,
  type Page,
  request as playwrightRequest,
} from "@playwright/test";
import { demoAccount } from "./accounts.ts";
import { expect, expectAccessible, snap, test } from "./fixtures.ts";

// The public reads the page on cheap phones, often without JavaScript.
test.use({ javaScriptEnabled: false });

/** The coordinator, through the API: the agency's id, and a freshly approved document to publish. */
async function publishDocument(api: APIRequestContext): Promise<string> {
  const account = demoAccount("agency_admin");
  const login = await api.post("/api/auth/login", {
    data: { email: account.email, password: account.password },
  });
  expect(login.ok()).toBe(true);
  const state = await api.storageState();
  const csrf = state.cookies.find((c) => c.name === "prongsai_csrf")?.value ?? "";
  const headers = { "x-csrf-token": csrf };
  const [agency] = (await (await api.get("/api/agencies")).json()) as { id: string }[];
  const agencyId = agency?.id ?? "";
  const years = (await (await api.get(`/api/agencies/${agencyId}/assessments`)).json()) as {
    id: string;
    fiscalYear: number;
  }[];
  const year = years.find((y) => y.fiscalYear === 2566);
  const base = `/api/agencies/${agencyId}/assessments/${year?.id}/documents`;
  const generated = await api.post(base, { headers, data: { kind: "measures" } });
  expect(generated.ok(), await generated.text()).toBe(true);
  const { id } = (await generated.json()) as { id: string };
  const approved = await api.post(`${base}/${id}/approve`, {
    headers,
    data: { approvedOn: "2023-01-20" },
  });
  expect(approved.ok(), await approved.text()).toBe(true);
  return agencyId;
}

/**
 * axe-core and layout checks run scripts of their own, so they read the same address in a second
 * page that allows scripts; the pages themselves carry none, so both render the same.
 */
async function inspect(browser: Browser, from: Page, width = 1280): Promise<number> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    javaScriptEnabled: true,
  });
  const page = await context.newPage();
  await page.goto(from.url());
  await expect(page.locator("script")).toHaveCount(0);
  await expectAccessible(page);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await context.close();
  return scrollWidth;
}

test("the public reads an agency's transparency page without JavaScript, on a phone too", async ({
  page,
  baseURL,
  browser,
}, testInfo) => {
  const api = await playwrightRequest.newContext({ baseURL });
  const agencyId = await publishDocument(api);
  await api.dispose();

  await page.goto(`/p/${agencyId}`);
  await expect(page).toHaveURL(new RegExp(`/p/${agencyId}/\\d{4}$`));
  await expect(page.getByRole("heading", { level: 1, name: "เทศบาลตำบลห้วยสัก" })).toBeVisible();
  await expect(page.getByText("78.33").first()).toBeVisible();
  await expect(page.locator("svg").first()).toBeVisible();
  await expect(page.getByRole("table").first()).toBeVisible();
  await inspect(browser, page);
  await snap(page, testInfo, "year-page");

  const pdf = page.getByRole("link", { name: "PDF" }).first();
  await expect(pdf).toBeVisible();
  const pdfResponse = await page.request.get((await pdf.getAttribute("href")) ?? "");
  expect(pdfResponse.ok()).toBe(true);
  expect((await pdfResponse.body()).subarray(0, 4).toString()).toBe("%PDF");

  await page.setViewportSize({ width: 360, height: 740 });
  await page.reload();
  expect(await inspect(browser, page, 360)).toBeLessThanOrEqual(360);
  await snap(page, testInfo, "year-page-360px");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("link", { name: /ดัชนีหลักฐาน OIT/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /ดัชนีหลักฐาน OIT/ })).toBeVisible();
  await inspect(browser, page);
  await snap(page, testInfo, "oit-index");
  await page
    .getByRole("link", { name: /^O42\b/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/oit\/O42$/i);
  await expect(page.getByRole("heading", { name: "ที่อยู่ถาวรของหน้านี้" })).toBeVisible();
  await inspect(browser, page);
  await snap(page, testInfo, "oit-item-o42");

  const json = await page.request.get(`/p/${agencyId}/2566/data.json`);
  expect(json.ok()).toBe(true);
  expect(JSON.stringify(await json.json())).toContain("เทศบาลตำบลห้วยสัก");
  const csv = await page.request.get(`/p/${agencyId}/2566/data.csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
});
