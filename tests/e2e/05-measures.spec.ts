import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page, TestInfo } from "@playwright/test";
import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

const demoTitles = [
  "การเปิดเผยข้อมูล",
  "จัดทำเจตจำนงสุจริตของผู้บริหาร",
  "จัดทำมาตรการภายในเพื่อส่งเสริมความโปร่งใส",
  "การป้องกันการทุจริต",
];
const title = "อบรมเจ้าหน้าที่ให้ใช้ระบบ e-Service และตอบคำถามประชาชนทางเว็บไซต์";
const evidence = Buffer.from("รายชื่อผู้เข้าอบรม e-Service วันที่ 15 มีนาคม 2566\n", "utf8");

/** A dialog floats over the page: a tall window shows all of it in the step's screenshot. */
async function snapDialog(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size?.width ?? 1280, height: 2200 });
  await snap(page, testInfo, step);
  if (size) await page.setViewportSize(size);
}

/** The table row of a measure, found by its title. */
function row(page: Page, text: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: text }) });
}

test("a coordinator keeps the year's measures: adds, edits, reports progress with evidence, filters", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await page.getByRole("link", { name: /ดูมาตรการทั้งหมด/ }).click();

  // The demo's four measures, in the official table's shape, each past its due day.
  await expect(
    page.getByRole("heading", { level: 1, name: /มาตรการส่งเสริมคุณธรรมและความโปร่งใส/ }),
  ).toBeVisible();
  for (const column of ["ที่", "มาตรการ", "ขั้นตอน/วิธีการดำเนินการ", "ผู้รับผิดชอบ", "การติดตาม"])
    await expect(page.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  for (const demo of demoTitles) await expect(row(page, demo).first()).toBeVisible();
  const first = row(page, demoTitles[0] ?? "");
  await expect(first).toContainText("กองคลัง");
  await expect(first).toContainText("31 มี.ค. 2566");
  await expect(first).toContainText("เลยกำหนด");
  await expectAccessible(page);
  await snap(page, testInfo, "measures-table");
  const countText = await page.getByText(/^แสดง \d+ จาก \d+ มาตรการ$/).textContent();
  const before = Number(/จาก (\d+)/.exec(countText ?? "")?.[1]);

  // A new measure for two divisions, its steps typed and put in order.
  await page.getByRole("button", { name: "เพิ่มมาตรการ" }).click();
  const add = page.getByRole("dialog", { name: "เพิ่มมาตรการ" });
  await add.getByLabel("ชื่อมาตรการ").fill(title);
  await add.getByLabel("ขั้นตอนที่ 1", { exact: true }).fill("สำรวจบริการที่ประชาชนขอผ่านเว็บไซต์บ่อยที่สุด");
  await add.getByRole("button", { name: "เพิ่มขั้นตอน" }).click();
  await add.getByLabel("ขั้นตอนที่ 2", { exact: true }).fill("สรุปผลการอบรมและเผยแพร่บนเว็บไซต์");
  await add.getByRole("button", { name: "เพิ่มขั้นตอน" }).click();
  await add.getByLabel("ขั้นตอนที่ 3", { exact: true }).fill("จัดอบรมเจ้าหน้าที่ทุกกอง");
  await add.getByRole("button", { name: "เลื่อนขั้นตอนที่ 3 ขึ้น" }).click();
  await expect(add.getByLabel("ขั้นตอนที่ 2", { exact: true })).toHaveValue("จัดอบรมเจ้าหน้าที่ทุกกอง");
  await add.getByRole("checkbox", { name: "กองคลัง" }).check();
  await add.getByRole("checkbox", { name: "กองช่าง" }).check();
  await add.getByRole("checkbox", { name: "ตัวชี้วัดที่ 8" }).check();
  await add.getByLabel("ข้อ OIT ที่เกี่ยวข้อง (ถ้ามี)").fill("o17");
  await expect(
    add.getByText("ต้องอยู่ในปีงบประมาณ (1 ต.ค. 2565 – 30 ก.ย. 2566)").first(),
  ).toBeVisible();
  await expectAccessible(page);
  await snapDialog(page, testInfo, "add-form");
  await add.getByRole("button", { name: "บันทึกมาตรการ" }).click();
  await expect(add).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "เพิ่มมาตรการ" })).toContainText(title);
  const added = row(page, title);
  await expect(added).toContainText("กองคลัง");
  await expect(added).toContainText("กองช่าง");
  await expect(added).toContainText("o17");
  await expect(added.getByRole("listitem").nth(1)).toHaveText("จัดอบรมเจ้าหน้าที่ทุกกอง");
  await snap(page, testInfo, "measure-added");

  // Edit it: one more monitoring day.
  await added.getByRole("button", { name: /^แก้ไข/ }).click();
  const edit = page.getByRole("dialog", { name: "แก้ไขมาตรการ" });
  await expect(edit.getByLabel("ชื่อมาตรการ")).toHaveValue(title);
  await edit.getByRole("button", { name: "เพิ่มการติดตาม" }).click();
  await edit.getByLabel("วันที่ติดตาม แถวที่ 2").fill("2023-09-15");
  await edit.getByLabel("สิ่งที่ติดตาม แถวที่ 2").fill("สรุปผลการอบรมเสนอนายกเทศมนตรี");
  await expect(edit.getByText("15 ก.ย. 2566 ·")).toBeVisible();
  await snapDialog(page, testInfo, "edit-form");
  await edit.getByRole("button", { name: "บันทึกมาตรการ" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "บันทึกการแก้ไขมาตรการ" })).toBeVisible();
  await expect(added).toContainText("สรุปผลการอบรมเสนอนายกเทศมนตรี");

  // Progress: half done, with a link and an uploaded file whose SHA-256 is shown.
  await added.getByRole("button", { name: /^อัปเดตความก้าวหน้า/ }).click();
  const progress = page.getByRole("dialog", { name: /ความก้าวหน้าของมาตรการที่/ });
  await progress.getByLabel("ความก้าวหน้า (ร้อยละ)").fill("50");
  await expect(progress.getByRole("radio", { name: "กำลังดำเนินการ" })).toBeChecked();
  await progress.getByRole("button", { name: "เพิ่มลิงก์" }).click();
  await progress
    .getByLabel("ลิงก์ที่ 1", { exact: true })
    .fill("https://www.huaisak.go.th/news/e-service-training");
  await progress.getByRole("button", { name: "บันทึกความก้าวหน้า" }).click();
  await expect(
    progress.getByRole("status").filter({ hasText: "บันทึกความก้าวหน้าร้อยละ 50 แล้ว" }),
  ).toBeVisible();

  const sha256 = createHash("sha256").update(evidence).digest("hex");
  await progress.getByLabel("เลือกไฟล์หลักฐาน").setInputFiles({
    name: "รายชื่อผู้เข้าอบรม.txt",
    mimeType: "text/plain",
    buffer: evidence,
  });
  await progress.getByRole("button", { name: "อัปโหลดไฟล์" }).click();
  const uploaded = progress.getByRole("status").filter({ hasText: "อัปโหลด" });
  await expect(uploaded).toContainText(sha256);
  await expect(uploaded).toContainText("ตรงกับไฟล์ในเครื่องของท่าน");
  const fileRow = progress.getByRole("row", { name: /รายชื่อผู้เข้าอบรม\.txt/ });
  await expect(fileRow).toContainText(sha256);
  await expectAccessible(page);
  await snapDialog(page, testInfo, "progress-and-evidence");
  const download = page.waitForEvent("download");
  await fileRow.getByRole("link", { name: "รายชื่อผู้เข้าอบรม.txt" }).click();
  const downloaded = await (await download).path();
  expect(readFileSync(downloaded).equals(evidence)).toBe(true);

  // Removing a file asks first; keeping it leaves it there.
  await fileRow.getByRole("button", { name: /ลบไฟล์/ }).click();
  const confirmFile = page.getByRole("alertdialog", { name: "ลบไฟล์หลักฐานใช่หรือไม่" });
  await expect(confirmFile.getByRole("button", { name: "ไม่ลบ" })).toBeFocused();
  await confirmFile.getByRole("button", { name: "ไม่ลบ" }).click();
  await expect(fileRow).toBeVisible();
  await progress.getByRole("button", { name: "ปิดหน้าต่าง" }).click();
  await expect(added).toContainText("กำลังดำเนินการ");
  await expect(added).toContainText("50%");

  // A division's own measures.
  await page.getByLabel("ดูมาตรการของ").selectOption("กองช่าง");
  await expect(added).toBeVisible();
  await expect(row(page, demoTitles[1] ?? "")).toBeHidden();
  await expect(page).toHaveURL(/division=/);
  await expectAccessible(page);
  await snap(page, testInfo, "filtered-by-division");
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(added).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "filtered-on-a-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel("ดูมาตรการของ").selectOption({ label: "ทุกส่วนราชการ" });

  // A measure the server refuses (a due day after the fiscal year, an OIT item the framework
  // lacks): every problem is listed by field, and nothing is added.
  await page.getByRole("button", { name: "เพิ่มมาตรการ" }).click();
  await add.getByLabel("ชื่อมาตรการ").fill("มาตรการที่ยังไม่ควรบันทึก");
  await add.getByLabel("ขั้นตอนที่ 1", { exact: true }).fill("ทดลอง");
  await add.getByRole("checkbox", { name: "กองคลัง" }).check();
  await add.getByRole("checkbox", { name: "ตัวชี้วัดที่ 9" }).check();
  await add.getByLabel("ข้อ OIT ที่เกี่ยวข้อง (ถ้ามี)").fill("O99");
  await add.getByLabel("วันครบกำหนด").fill("2024-01-15");
  await add.getByRole("button", { name: "บันทึกมาตรการ" }).click();
  const refusal = add.getByRole("alert");
  await expect(refusal).toContainText("วันครบกำหนด:");
  await expect(refusal).toContainText("ไม่อยู่ในปีงบประมาณ พ.ศ. 2566");
  await expect(refusal).toContainText("O99");
  await expectAccessible(page);
  await snapDialog(page, testInfo, "refused");
  await add.getByRole("button", { name: "ยกเลิก" }).click();
  await page.reload();
  await expect(row(page, title)).toBeVisible();
  await expect(page.getByText("มาตรการที่ยังไม่ควรบันทึก")).toHaveCount(0);
  await expect(page.getByText(`แสดง ${before + 1} จาก ${before + 1} มาตรการ`)).toBeVisible();

  // Someone else changes the measure while it is open: saving says so and offers the latest.
  await row(page, title).getByRole("button", { name: /^แก้ไข/ }).click();
  const stale = page.getByRole("dialog", { name: "แก้ไขมาตรการ" });
  await changeElsewhere(page, title, "อบรมเจ้าหน้าที่ทุกกองให้ใช้ระบบ e-Service");
  await stale.getByLabel("ชื่อมาตรการ").fill(`${title} (แก้ไข)`);
  await stale.getByRole("button", { name: "บันทึกมาตรการ" }).click();
  await expect(stale.getByRole("alert")).toContainText("มีผู้อื่นแก้ไขข้อมูลนี้ไปแล้ว");
  await snapDialog(page, testInfo, "changed-by-someone-else");
  await stale.getByRole("button", { name: "โหลดข้อมูลล่าสุด" }).click();
  await expect(stale.getByLabel("ชื่อมาตรการ")).toHaveValue("อบรมเจ้าหน้าที่ทุกกองให้ใช้ระบบ e-Service");
  await stale.getByRole("button", { name: "บันทึกมาตรการ" }).click();
  await expect(stale).toBeHidden();

  // Deleting asks first; the safe answer keeps the measure.
  const renamed = row(page, "อบรมเจ้าหน้าที่ทุกกองให้ใช้ระบบ e-Service");
  await renamed.getByRole("button", { name: /^ลบ/ }).click();
  const confirm = page.getByRole("alertdialog", { name: /ลบมาตรการที่ \d+ ใช่หรือไม่/ });
  await expect(confirm).toContainText("กู้คืนไม่ได้");
  await expectAccessible(page);
  await snapDialog(page, testInfo, "delete-asks");
  await confirm.getByRole("button", { name: "ไม่ลบ" }).click();
  await expect(renamed).toBeVisible();

  // The year whose result the measures answer has none of its own: the page says what to do.
  await page.goto(page.url().replace(/\/2566\/measures.*$/, "/2565/measures"));
  await expect(
    page.getByText("ยังไม่มีมาตรการ — เพิ่มมาตรการแรก หรือดูมาตรการที่ระบบแนะนำในหน้าการวิเคราะห์"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "เพิ่มมาตรการ" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ไปที่หน้าการวิเคราะห์" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "no-measures-yet");
});

/** Another person's change, made through the API with this browser's session. */
async function changeElsewhere(page: Page, title: string, newTitle: string): Promise<void> {
  const url = new URL(page.url());
  const [, , agencyId] = url.pathname.split("/");
  const dashboard: { assessments: { id: string; fiscalYear: number }[] } = await (
    await page.request.get(`/api/agencies/${agencyId}/dashboard`)
  ).json();
  const assessment = dashboard.assessments.find((a) => a.fiscalYear === 2566);
  const base = `/api/agencies/${agencyId}/assessments/${assessment?.id}/measures`;
  const measures: { id: string; title: string; version: number }[] = await (
    await page.request.get(base)
  ).json();
  const measure = measures.find((m) => m.title === title);
  const csrf =
    (await page.context().cookies()).find((c) => c.name === "prongsai_csrf")?.value ?? "";
  const response = await page.request.patch(`${base}/${measure?.id}`, {
    headers: { "x-csrf-token": csrf },
    data: { title: newTitle, version: measure?.version },
  });
  expect(response.status()).toBe(200);
}
