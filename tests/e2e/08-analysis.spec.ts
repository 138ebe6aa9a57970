import type { MeasureResponse } from "../../src/shared/measure.ts";
import { apiAs, expect, expectAccessible, signIn, snap, test } from "./fixtures.ts";

const adoptedTitle = "มาตรการลดขั้นตอนและปรับปรุงกระบวนการให้บริการ";

test("a coordinator analyses the 2565 result, plans the score and adopts a suggested measure", async ({
  page,
}, testInfo) => {
  // A long page checked by axe and photographed whole at each of six steps.
  test.setTimeout(240_000);
  await signIn(page, "agency_admin");
  await page
    .getByRole("navigation", { name: "งานของปีงบประมาณ" })
    .getByRole("link", { name: "การวิเคราะห์", exact: true })
    .click();
  await expect(page).toHaveURL(/\/agencies\/[0-9a-f-]+\/2566\/analysis$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("การวิเคราะห์ผลการประเมิน");
  await expect(page.getByText("ผลการประเมินปี พ.ศ. 2565 ที่ใช้จัดทำมาตรการปี พ.ศ. 2566")).toBeVisible();
  await expect(page.locator(".big-number").first()).toContainText("78.33");
  await expect(page.locator(".big-number").first()).toContainText("ระดับ B");

  // The chart draws as SVG inside its named container; the table beside it holds the same figures.
  const chart = page.getByRole("img", { name: /แผนภูมิแท่งคะแนนตัวชี้วัดทั้ง 10 ตัว ปี พ.ศ. 2565/ });
  await expect(chart.locator("svg")).toHaveCount(1);
  await expect(chart.locator("svg")).toContainText("93.70");
  const table = page.getByRole("table", { name: /คะแนนรายตัวชี้วัดปี พ.ศ. 2565/ });
  await expect(table.getByRole("row")).toHaveCount(11);
  const row9 = table.getByRole("row", { name: /9\. การเปิดเผยข้อมูล/ });
  await expect(row9).toContainText("74.80");
  await expect(row9).toContainText("ระดับกลาง");
  await expect(table.getByRole("row", { name: /8\. การปรับปรุงระบบการทำงาน/ })).toContainText(
    "ต้องแก้ไขเร่งด่วน",
  );

  // Strengths and weaknesses, with the thresholds used (80 and 70).
  const strengths = page.getByRole("region", { name: "จุดแข็ง คะแนนตั้งแต่ 80 ขึ้นไป" });
  await expect(strengths).toContainText("คะแนนตั้งแต่ 80 ขึ้นไป");
  await expect(strengths.getByRole("listitem")).toHaveCount(5);
  const weaknesses = page.getByRole("region", { name: "จุดอ่อน คะแนนต่ำกว่า 70" });
  await expect(weaknesses).toContainText("คะแนนต่ำกว่า 70");
  await expect(weaknesses).toContainText("ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน");
  await expect(weaknesses).toContainText("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร");
  await expect(page.getByText("เป้าหมาย 85 คะแนน: ยังขาดอีก 6.67 คะแนน")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "analysis");

  // The planner: the fewest actions to 85, then a what-if announced as it changes.
  await expect(page.getByText("ทำ 2 อย่างนี้ คะแนนรวมจะเป็น 89.05 คะแนน (ระดับ A)")).toBeVisible();
  const projection = page.getByRole("status").filter({ hasText: "คะแนนรวม" });
  await expect(projection).toHaveText("ยังไม่ได้เลือก คะแนนรวมตอนนี้ 78.33 คะแนน ระดับ B");
  await page.getByRole("checkbox", { name: /ตัวชี้วัดที่ 10 การป้องกันการทุจริต.*\+5\.68 คะแนน/ }).check();
  await expect(projection).toContainText("ถ้าทำ 1 อย่างที่เลือก คะแนนรวมจะเป็นประมาณ 84.01 คะแนน ระดับ B");
  await page.getByRole("checkbox", { name: /ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล.*\+5\.04 คะแนน/ }).check();
  await expect(projection).toContainText("ถ้าทำ 2 อย่างที่เลือก คะแนนรวมจะเป็นประมาณ 89.05 คะแนน ระดับ A");
  await projection.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await snap(page, testInfo, "planner");

  // A bar of the chart opens its indicator (7 and 8 are the urgent, red ones).
  await chart.locator('path[fill="#a11b1b"]').first().click();
  await expect(page).toHaveURL(/\/analysis\/7$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร");
  await expect(page.getByText("ระบบไม่ได้เก็บคะแนนรายข้อคำถาม")).toBeVisible();
  await expect(page.getByText("E7", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "กลับไปหน้าการวิเคราะห์" }).click();

  // Drill into indicator 9 from the table.
  await page
    .getByRole("table", { name: /คะแนนรายตัวชี้วัด/ })
    .getByRole("link", { name: "9. การเปิดเผยข้อมูล" })
    .click();
  await expect(page).toHaveURL(/\/analysis\/9$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล");
  await expect(page.getByRole("heading", { name: "ตัวชี้วัดนี้วัดอะไร" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "สิ่งที่ตัวชี้วัดคาดหวังจากหน่วยงาน" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "ข้อเสนอแนะในการปรับปรุง" })).toBeVisible();
  await expect(page.getByText("74.80")).toBeVisible();
  await expect(page.getByText("ไม่มีผลรายข้อ OIT")).toBeVisible();
  await expect(page.getByText("O1 โครงสร้างหน่วยงาน")).toBeVisible();
  await page.getByText("สิ่งที่ต้องมีและคำแนะนำ").first().click();
  await expect(page.getByText("แผนผังการแบ่งส่วนงานภายในหน่วยงาน")).toBeVisible();
  await expectAccessible(page);
  await snap(page, testInfo, "indicator-9");

  // On a phone: the chart narrows to numbers, the table scrolls, the page still passes axe.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.getByRole("link", { name: "กลับไปหน้าการวิเคราะห์" }).click();
  await expect(chart.locator("svg")).toHaveCount(1);
  await expect(chart.locator("svg")).toContainText("93.70");
  await expectAccessible(page);
  await snap(page, testInfo, "analysis-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  // Adopt one suggested measure for the urgent indicator 8.
  const suggestion = page
    .getByRole("region", { name: /ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: adoptedTitle }) });
  await suggestion.getByRole("button", { name: "ใช้มาตรการนี้" }).click();
  const dialog = page.getByRole("dialog", { name: "ใช้มาตรการนี้ในแผนปี พ.ศ. 2566" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("ชื่อมาตรการ")).toHaveValue(adoptedTitle);
  await expect(dialog.getByLabel("วันที่ต้องแล้วเสร็จ")).toHaveValue("2023-09-30");
  await expect(dialog.getByRole("checkbox", { name: "8. การปรับปรุงระบบการทำงาน" })).toBeChecked();
  await expectAccessible(page);
  await snap(page, testInfo, "adopt-dialog");

  await dialog.getByRole("button", { name: "เพิ่มมาตรการ" }).click();
  await expect(dialog.getByRole("alert")).toContainText("กรุณาเลือกส่วนราชการที่รับผิดชอบ");
  await dialog.getByRole("checkbox", { name: "สำนักปลัดเทศบาล" }).check();
  await dialog.getByRole("checkbox", { name: "กองช่าง" }).check();
  await dialog.getByRole("button", { name: "เพิ่มมาตรการ" }).click();
  await expect(dialog).toBeHidden();
  const confirmation = page.getByRole("status").filter({ hasText: "เพิ่มมาตรการ" });
  await expect(confirmation).toContainText(`เพิ่มมาตรการ “${adoptedTitle}” ในแผนปี พ.ศ. 2566 แล้ว`);
  await expect(confirmation.getByRole("link", { name: "ไปที่หน้ามาตรการ" })).toHaveAttribute(
    "href",
    /\/2566\/measures$/,
  );
  await expect(suggestion).toContainText("มีในแผนปีนี้แล้ว");
  // The adopt button is gone; focus waits on the confirmation rather than being lost.
  await expect(confirmation).toBeFocused();
  await expectAccessible(page);
  await snap(page, testInfo, "measure-adopted");

  // The measure is in the year's plan as the form said.
  const [, agencyId] = /\/agencies\/([0-9a-f-]+)\//.exec(page.url()) ?? [];
  const dashboard = await apiAs<{ assessments: { id: string; fiscalYear: number }[] }>(
    page,
    "GET",
    `/api/agencies/${agencyId}/dashboard`,
  );
  const assessmentId = dashboard.assessments.find((a) => a.fiscalYear === 2566)?.id;
  const measures = await apiAs<MeasureResponse[]>(
    page,
    "GET",
    `/api/agencies/${agencyId}/assessments/${assessmentId}/measures`,
  );
  const created = measures.find((m) => m.title === adoptedTitle);
  expect(created?.responsible).toEqual(["สำนักปลัดเทศบาล", "กองช่าง"]);
  expect(created?.indicators).toContain(8);
  expect(created?.steps.length).toBeGreaterThan(0);
  expect(created?.dueDate).toBe("2023-09-30");
  expect(created?.status).toBe("planned");

  // The 2565 year has no earlier result to analyse: the page says why and where to go.
  await page.goto(`/agencies/${agencyId}/2565/analysis`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("การวิเคราะห์ผลการประเมิน");
  await expect(page.getByText("ยังไม่มีผลการประเมิน ITA ของปีก่อนปีงบประมาณ 2565")).toBeVisible();
  await expect(page.getByRole("link", { name: "ไปที่หน้าผลการประเมิน" })).toHaveAttribute(
    "href",
    /\/2565\/results$/,
  );
  await expectAccessible(page);
  await snap(page, testInfo, "nothing-to-analyse");
});
