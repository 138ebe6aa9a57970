import type { DocumentModel, IndicatorChart, TableCell } from "./model.ts";

// A small but complete Thai document, as a builder would produce it, shared by renderer tests.

export const FIXTURE_TITLE = "รายงานผลการประเมินคุณธรรมและความโปร่งใส";

/** First cells of the measures table; short enough to stay on one line in print. */
export const FIXTURE_MEASURE_NAMES = [
  "เผยแพร่แผนงบประมาณ",
  "อบรมประมวลจริยธรรม",
  "ปรับปรุงช่องทางร้องเรียน",
  "ประกาศงดรับสินบน",
  "รายงานการจัดซื้อจัดจ้าง",
];

export const FIXTURE_INDICATOR_NAMES = [
  "๑ การปฏิบัติหน้าที่",
  "๒ การใช้งบประมาณ",
  "๓ การใช้อำนาจ",
  "๔ การใช้ทรัพย์สินของราชการ",
  "๕ การแก้ไขปัญหาการทุจริต",
  "๖ คุณภาพการดำเนินงาน",
  "๗ ประสิทธิภาพการสื่อสาร",
  "๘ การปรับปรุงการทำงาน",
  "๙ การเปิดเผยข้อมูล",
  "๑๐ การป้องกันการทุจริต",
];

export function buildFixtureChart(): IndicatorChart {
  return {
    kind: "indicator-bars",
    title: "คะแนนรายตัวชี้วัด ปีงบประมาณ พ.ศ. ๒๕๖๕ และ ๒๕๖๖",
    categories: FIXTURE_INDICATOR_NAMES,
    series: [
      {
        name: "ปีงบประมาณ พ.ศ. ๒๕๖๕",
        values: [92.5, 81.2, 88.75, 70.4, 65.1, 90, 84.33, 77.9, 100, 45.5],
      },
      {
        name: "ปีงบประมาณ พ.ศ. ๒๕๖๖",
        values: [95.1, 78.33, 91.02, 74.6, null, 93.45, 86.7, 80.15, 98.6, 62.25],
      },
    ],
    marks: [{ value: 85, label: "ผ่านเกณฑ์" }],
    digits: "thai",
  };
}

function cell(text: string): TableCell {
  return { paragraphs: [[text]] };
}

export function buildFixtureModel(): DocumentModel {
  return {
    meta: {
      title: FIXTURE_TITLE,
      subject: "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๖",
      author: "เทศบาลตำบลห้วยสัก",
      keywords: ["ITA", "คุณธรรมและความโปร่งใส", "มาตรการ"],
      language: "th",
    },
    page: { size: "A4", margins: { top: 25, right: 20, bottom: 20, left: 30 } },
    font: { family: "Sarabun", sizePt: 16 },
    blocks: [
      { kind: "title", lines: [FIXTURE_TITLE, "เทศบาลตำบลห้วยสัก อำเภอเมือง จังหวัดเชียงราย"] },
      { kind: "heading", level: 1, text: "๑. ผลการประเมินภาพรวม" },
      {
        kind: "paragraph",
        indent: true,
        align: "justify",
        runs: [
          "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ได้คะแนน ",
          { text: "๗๘.๓๓", bold: true },
          " คะแนน อยู่ในระดับ ",
          { text: "B", bold: true },
          " ซึ่งยังไม่ผ่านเกณฑ์ที่กำหนดไว้ที่ ๘๕ คะแนน",
        ],
      },
      {
        kind: "paragraph",
        indent: true,
        runs: [
          'เงื่อนไขการเปรียบเทียบ: คะแนน <๘๕ & >๕๐ ถือว่า "ต้องปรับปรุง" ดูรายละเอียดที่ ',
          { text: "เว็บไซต์ของเทศบาล", link: "https://www.example.go.th/ita?year=2566&part=1" },
          { text: " (ข้อมูลเบื้องต้น)", italic: true },
        ],
      },
      { kind: "heading", level: 2, text: "๑.๑ ประเด็นที่ต้องพัฒนา" },
      {
        kind: "list",
        items: [
          { marker: "(๑)", runs: ["การเปิดเผยข้อมูลการใช้งบประมาณยังไม่ครบถ้วน"] },
          { marker: "(๒)", runs: ["ช่องทางการร้องเรียนยังไม่เป็นที่รู้จักของประชาชน"] },
          { marker: "(๓)", runs: ["การป้องกันการรับสินบนยังไม่มีมาตรการที่ชัดเจน"] },
        ],
      },
      { kind: "chart", chart: buildFixtureChart(), caption: "แผนภูมิที่ ๑ คะแนนรายตัวชี้วัด" },
      { kind: "pageBreak" },
      { kind: "heading", level: 1, text: "๒. มาตรการส่งเสริมคุณธรรมและความโปร่งใส" },
      {
        kind: "table",
        caption: "ตารางที่ ๑ มาตรการและผู้รับผิดชอบ",
        columns: [
          { header: "มาตรการ", width: 6, align: "left" },
          { header: "ผู้รับผิดชอบ", width: 3, align: "left" },
          { header: "ระยะเวลา", width: 2, align: "center" },
          { header: "ตัวชี้วัดความสำเร็จ", width: 4, align: "left" },
        ],
        rows: FIXTURE_MEASURE_NAMES.map((name, index) => [
          cell(name),
          cell(index % 2 === 0 ? "สำนักปลัดเทศบาล" : "กองคลัง"),
          cell(`ไตรมาสที่ ${["๑", "๒", "๓", "๔", "๑"][index]}`),
          cell(`ร้อยละ ${["๑๐๐", "๙๕", "๙๐", "๘๐", "๑๐๐"][index]} ของแผนงาน`),
        ]),
      },
      {
        kind: "paragraph",
        indent: true,
        runs: ["จึงประกาศมาเพื่อทราบโดยทั่วกัน"],
      },
      { kind: "paragraph", align: "center", runs: ["ประกาศ ณ วันที่ ๓๑ มีนาคม พ.ศ. ๒๕๖๖"] },
      {
        kind: "signature",
        lines: [
          "(ลงชื่อ) ......................................",
          "(นายสมชาย ใจดี)",
          "นายกเทศมนตรีตำบลห้วยสัก",
        ],
      },
    ],
  };
}
