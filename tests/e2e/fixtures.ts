import { mkdirSync } from "node:fs";
import { AxeBuilder } from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { demoAccount } from "./accounts.ts";

export { expect };

/** Every step's screenshot goes to test-results/e2e/screenshots/<journey>/NN-step.png. */
export async function snap(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  const dir = `test-results/e2e/screenshots/${testInfo.titlePath[0]?.replace(/\.spec\.ts$/, "") ?? "journey"}`;
  mkdirSync(dir, { recursive: true });
  const n = String(testInfo.attachments.length + 1).padStart(2, "0");
  const path = `${dir}/${n}-${step}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(step, { path, contentType: "image/png" });
}

/**
 * axe-core on the page as it is now: no serious or critical violation. Sandboxed frames (a
 * document preview) run no script, so axe cannot run inside them; their frame element is checked.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).exclude("iframe[sandbox]").analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(bad, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** Signs in through the form, as a person would. */
export async function signIn(
  page: Page,
  role: "national_admin" | "agency_admin" | "evaluator",
): Promise<void> {
  const account = demoAccount(role);
  await page.goto("/signin");
  await page.getByLabel("อีเมล").fill(account.email);
  await page.getByLabel("รหัสผ่าน").fill(account.password);
  await page.getByRole("button", { name: "เข้าสู่ระบบ" }).click();
  await expect(page.getByRole("button", { name: "ออกจากระบบ" })).toBeVisible();
  // The first page's heading shows once the redirects to the agency's latest year are done.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

export const test = base;

/** Calls the API as the signed-in browser does (session cookie plus the CSRF header on writes). */
export async function apiAs<T>(
  page: Page,
  method: string,
  path: string,
  data?: unknown,
): Promise<T> {
  const csrf =
    (await page.context().cookies()).find((c) => c.name === "prongsai_csrf")?.value ?? "";
  const response = await page.request.fetch(path, {
    method,
    headers: { "x-csrf-token": csrf },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}
