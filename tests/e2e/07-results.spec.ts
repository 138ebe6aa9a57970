import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

// The example file holds Huai Sak's published 2565 result, the same figures the demo starts with.
const published = readFileSync("examples/results-import-2565.csv", "utf8").trim();
const [header = "", huaiSak = ""] = published.split("\n");

test("a coordinator checks last year's result, corrects it and imports the official file", async ({
  page,
}, testInfo) => {
  const folder = mkdtempSync(join(tmpdir(), "prongsai-results-"));
  await signIn(page, "agency_admin");

  // From the dashboard's steps to the result the year's measures analyse.
  await page.getByRole("link", { name: "ผลการประเมินของปีที่แล้ว" }).click();
  await expect(page).toHaveURL(/\/agencies\/[0-9a-f-]+\/2566\/results/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ผลการประเมิน ITA");
  const years = page.getByRole("navigation", { name: "เลือกปีของผลการประเมิน" });
  await expect(years.getByRole("link", { name: /ผลปี 2565/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("heading", { name: "ผลการประเมินปี พ.ศ. 2565" })).toBeVisible();
  await expect(page.getByText("78.33").first()).toBeVisible();
  await expect(page.getByTestId("computed")).toHaveText("78.33 ระดับ B");
  const indicators = page.getByRole("table").filter({ hasText: "การแก้ไขปัญหาการทุจริต" });
  await expect(indicators.getByRole("row")).toHaveCount(11);
  await expect(indicators.getByRole("row", { name: /การใช้อำนาจ/ })).toContainText("93.10");
  await expectAccessible(page);
  await snap(page, testInfo, "result-2565");

  // This year's own result is not in yet: the page says the two ways to add it.
  await years.getByRole("link", { name: /ผลปี 2566/ }).click();
  await expect(page.getByText("ยังไม่มีผลการประเมินปี 2566")).toBeVisible();
  await expect(page.getByRole("button", { name: "กรอกผลการประเมิน" })).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "no-result-2566");
  await years.getByRole("link", { name: /ผลปี 2565/ }).click();

  // The template to fill in has every column, Thai headers and a byte-order mark for Excel.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /ดาวน์โหลดไฟล์ตัวอย่าง/ }).click();
  const template = readFileSync((await (await downloading).path()) ?? "", "utf8");
  expect(template.startsWith("\uFEFFชื่อหน่วยงาน,จังหวัด,ปีงบประมาณ")).toBe(true);
  expect(template).toContain("ตัวชี้วัด 10,คะแนนรวม,ระดับ");
  expect(template).toContain("เทศบาลตำบลห้วยสัก");

  // A blank indicator is refused with the reason; then one score is corrected.
  await page.getByRole("button", { name: "แก้ไขผลการประเมิน" }).click();
  await expect(page.getByLabel("ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่")).toBeFocused();
  await page.getByLabel("ตัวชี้วัดที่ 3 การใช้อำนาจ").fill("");
  await page.getByRole("button", { name: "บันทึกผลการประเมิน" }).click();
  await expect(page.getByRole("alert")).toContainText("ขาดคะแนนตัวชี้วัดที่ 3");
  await expectAccessible(page);
  await snap(page, testInfo, "missing-indicator-refused");

  await page.getByLabel("ตัวชี้วัดที่ 3 การใช้อำนาจ").fill("93.1");
  await page.getByLabel("ตัวชี้วัดที่ 5 การแก้ไขปัญหาการทุจริต").fill("94.8");
  await page.getByLabel("คะแนนรวมที่ประกาศ").fill("78.33");
  await page.getByLabel("ระดับที่ประกาศ").selectOption("B");
  await page.getByRole("button", { name: "บันทึกผลการประเมิน" }).click();
  await expect(page.getByRole("status")).toContainText("บันทึกแล้ว คะแนนรวมที่คำนวณใหม่ 78.93 ระดับ B");
  await expect(page.getByTestId("computed")).toHaveText("78.93 ระดับ B");
  await expect(page.getByText("ผลที่ประกาศไม่ตรงกับผลที่คำนวณจากคะแนนตัวชี้วัด")).toBeVisible();
  await expect(page.getByText(/ต่างกัน -0\.60 คะแนน/)).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "corrected");

  // A file with a bad row is refused row by row, and nothing changes.
  const bad = join(folder, "results-bad.csv");
  writeFileSync(bad, `${header}\n${huaiSak}\n${huaiSak.replace(",93.1,", ",เก้าสิบสาม,")}\n`);
  const fileInput = page.getByLabel("เลือกไฟล์ผลการประเมิน (.xlsx หรือ .csv)");
  await fileInput.setInputFiles(bad);
  await page.getByRole("button", { name: "ตรวจสอบไฟล์" }).click();
  const refusal = page.getByRole("alert");
  await expect(refusal).toContainText("ไม่ได้นำเข้าข้อมูลใดเลย");
  const problems = refusal.getByRole("table", { name: "ปัญหาที่พบในไฟล์" });
  await expect(problems.getByRole("row", { name: /ตัวชี้วัด 3/ })).toContainText("3");
  await expect(problems).toContainText("ไม่ใช่ตัวเลข");
  await expect(page.getByTestId("computed")).toHaveText("78.93 ระดับ B");
  await expectAccessible(page);
  await snap(page, testInfo, "import-refused");
  await page.reload();
  await expect(page.getByTestId("computed")).toHaveText("78.93 ระดับ B");

  // The fixed file is checked first, on a phone: what would change, before anything is written.
  await page.setViewportSize({ width: 360, height: 800 });
  const good = join(folder, "results-2565.csv");
  writeFileSync(good, `${published}\n`);
  await page.getByLabel("เลือกไฟล์ผลการประเมิน (.xlsx หรือ .csv)").setInputFiles(good);
  await page.getByRole("button", { name: "ตรวจสอบไฟล์" }).click();
  await expect(page.getByRole("heading", { name: /สิ่งที่จะเปลี่ยนเมื่อนำเข้า/ })).toBeVisible();
  const detail = page.getByRole("table", { name: /แถว 2: เทศบาลตำบลห้วยสัก ปี 2565/ });
  const changed = detail.getByRole("row", { name: /ตัวชี้วัดที่ 5/ });
  await expect(changed).toHaveClass("changed");
  await expect(changed).toContainText("94.80");
  await expect(changed).toContainText("84.80");
  await expect(detail.getByRole("row", { name: /ตัวชี้วัดที่ 1 / })).toContainText("ไม่เปลี่ยน");
  await expect(page.getByTestId("computed")).toHaveText("78.93 ระดับ B");
  await expectAccessible(page);
  await snap(page, testInfo, "import-preview-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Confirmed: the official figures are back, imported, and agree with the recomputed ones.
  await page.getByRole("button", { name: "นำเข้าข้อมูล" }).click();
  await expect(page.getByRole("status")).toContainText("นำเข้าผลการประเมินแล้ว 1 แถว ของ 1 หน่วยงาน");
  await expect(page.getByTestId("computed")).toHaveText("78.33 ระดับ B");
  await expect(page.getByRole("definition").filter({ hasText: "นำเข้าจากไฟล์" })).toBeVisible();
  await expect(page.getByText("ผลที่ประกาศตรงกับผลที่คำนวณจากคะแนนตัวชี้วัด")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "imported");
});
