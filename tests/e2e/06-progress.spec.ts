import { expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

test("a coordinator writes the six-month progress report on the year's measures", async ({
  page,
}, testInfo) => {
  await signIn(page, "agency_admin");
  await page.getByRole("link", { name: "รายงานความก้าวหน้า", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: /รายงานความก้าวหน้าของมาตรการ/ }),
  ).toBeVisible();
  const sixMonth = page.getByRole("region", { name: "รายงานรอบ 6 เดือน" });
  const yearEnd = page.getByRole("region", { name: "รายงานสิ้นปีงบประมาณ" });
  await expect(sixMonth).toContainText("1 ต.ค. 2565 – 31 มี.ค. 2566");
  await expect(yearEnd).toContainText("ยังไม่ได้ทำรายงานนี้");
  await expectAccessible(page);
  await snap(page, testInfo, "reports");

  // The form starts from each measure's current status; the day defaults to 31 March.
  await sixMonth.getByRole("button", { name: "เริ่มทำรายงานรอบ 6 เดือน" }).click();
  await expect(sixMonth.getByLabel("ข้อมูล ณ วันที่")).toHaveValue("2023-03-31");
  await expect(sixMonth.getByRole("rowheader", { name: "การเปิดเผยข้อมูล" })).toBeVisible();
  await expect(sixMonth.getByLabel("สถานะของมาตรการที่ 1", { exact: true })).toHaveValue("planned");
  await sixMonth
    .getByLabel("สถานะของมาตรการที่ 1", { exact: true })
    .selectOption({ label: "กำลังดำเนินการ" });
  await sixMonth.getByLabel("ความก้าวหน้า (ร้อยละ) ของมาตรการที่ 1", { exact: true }).fill("60");
  await sixMonth
    .getByLabel("หมายเหตุของมาตรการที่ 1", { exact: true })
    .fill("ปรับหัวข้อบนเว็บไซต์แล้ว 6 จาก 10 หัวข้อ");
  await sixMonth.getByLabel("ความก้าวหน้า (ร้อยละ) ของมาตรการที่ 2", { exact: true }).fill("100");
  await expect(sixMonth.getByLabel("สถานะของมาตรการที่ 2", { exact: true })).toHaveValue("done");
  await sixMonth
    .getByLabel("สรุปผลการดำเนินงาน")
    .fill("ครึ่งปีแรกดำเนินการตามมาตรการได้ตามแผน ประกาศเจตจำนงสุจริตแล้ว");
  await expectAccessible(page);
  await snap(page, testInfo, "six-month-form");

  // A day outside the fiscal year is refused, naming the field, and nothing is saved.
  await sixMonth.getByLabel("ข้อมูล ณ วันที่").fill("2023-10-15");
  await sixMonth.getByRole("button", { name: "บันทึกรายงานรอบ 6 เดือน" }).click();
  await expect(sixMonth.getByRole("alert")).toContainText("ข้อมูล ณ วันที่:");
  await expect(sixMonth.getByRole("alert")).toContainText("ไม่อยู่ในปีงบประมาณ พ.ศ. 2566");
  await expectAccessible(page);
  await snap(page, testInfo, "six-month-refused");

  await sixMonth.getByLabel("ข้อมูล ณ วันที่").fill("2023-03-31");
  await sixMonth.getByRole("button", { name: "บันทึกรายงานรอบ 6 เดือน" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "บันทึกรายงานรอบ 6 เดือนแล้ว" }),
  ).toBeVisible();
  await expect(sixMonth).toContainText("31 มี.ค. 2566");
  await expect(sixMonth).toContainText("บันทึกล่าสุดเมื่อ");
  await expect(sixMonth).toContainText("ปรับหัวข้อบนเว็บไซต์แล้ว 6 จาก 10 หัวข้อ");
  await expect(sixMonth.getByRole("row", { name: /การเปิดเผยข้อมูล/ })).toContainText("60%");
  await expectAccessible(page);
  await snap(page, testInfo, "six-month-saved");

  // Saved for good: it is there after a reload, and the dashboard counts the step as done.
  await page.reload();
  await expect(sixMonth).toContainText("ครึ่งปีแรกดำเนินการตามมาตรการได้ตามแผน");
  await expect(sixMonth.getByRole("button", { name: "แก้ไขรายงานรอบ 6 เดือน" })).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await expectAccessible(page);
  await snap(page, testInfo, "six-month-on-a-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("link", { name: "ภาพรวมปีนี้" }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: "รายงานความก้าวหน้ารอบ 6 เดือน" }),
  ).toContainText("ทำแล้ว");
});
