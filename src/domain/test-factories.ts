import { DomainError } from "./errors.ts";
import { type Framework, type FrameworkInput, frameworkSchema } from "./framework/schema.ts";

const p = { status: "inferred", note: "test fixture" } as const;
const t = (th: string) => ({ th, en: th });

/** A small but complete framework: two survey tools and one checklist, for fast tests. */
export function buildFramework(overrides: Partial<FrameworkInput> = {}): Framework {
  const input: FrameworkInput = {
    id: "test-2566",
    fiscalYear: 2566,
    name: t("กรอบทดสอบ"),
    provenance: {
      indicators: p,
      weights: p,
      scales: p,
      iit: p,
      eit: p,
      oit: p,
      levels: p,
      rating: p,
      sampleSize: p,
      windows: p,
    },
    tools: [
      { id: "IIT", kind: "survey", name: t("ภายใน"), weight: 0.3 },
      { id: "EIT", kind: "survey", name: t("ภายนอก"), weight: 0.3 },
      { id: "OIT", kind: "checklist", name: t("เปิดเผยข้อมูล"), weight: 0.4 },
    ],
    indicators: [
      { number: 1, tool: "IIT", name: t("หนึ่ง") },
      { number: 2, tool: "IIT", name: t("สอง") },
      { number: 3, tool: "EIT", name: t("สาม") },
      { number: 4, tool: "OIT", name: t("สี่") },
      { number: 5, tool: "OIT", name: t("ห้า") },
    ],
    scales: [
      {
        id: "four-level",
        name: t("สี่ระดับ"),
        options: [
          { id: "least", label: t("น้อยที่สุด"), points: 0 },
          { id: "little", label: t("น้อย"), points: 33.33 },
          { id: "much", label: t("มาก"), points: 66.67 },
          { id: "most", label: t("มากที่สุด"), points: 100 },
        ],
      },
      {
        id: "yes-no",
        name: t("มี/ไม่มี"),
        options: [
          { id: "no", label: t("ไม่มี"), points: 0 },
          { id: "yes", label: t("มี"), points: 100 },
        ],
      },
    ],
    questions: [
      {
        id: "i1",
        indicator: 1,
        text: "ข้อหนึ่ง",
        scale: "four-level",
        subItems: [
          { id: "i1.1", text: "ก" },
          { id: "i1.2", text: "ข", reverse: true },
        ],
      },
      { id: "i2", indicator: 1, text: "ข้อสอง", scale: "yes-no", reverse: true },
      { id: "i3", indicator: 2, text: "ข้อสาม", scale: "four-level" },
      { id: "e1", indicator: 3, text: "ข้อสี่", scale: "four-level" },
      { id: "e2", indicator: 3, text: "ข้อห้า", scale: "yes-no" },
    ],
    oit: [
      {
        id: "4.1",
        indicator: 4,
        name: t("ย่อยหนึ่ง"),
        items: ["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8"].map((id) => item(id)),
      },
      { id: "4.2", indicator: 4, name: t("ย่อยสอง"), items: [item("o9"), item("o10")] },
      { id: "5.1", indicator: 5, name: t("ย่อยสาม"), items: [item("o11"), item("o12")] },
    ],
    levels: [
      { id: "AA", min: 95 },
      { id: "A", min: 85 },
      { id: "B", min: 75 },
      { id: "F", min: 0 },
    ],
    rating: {
      passMark: 85,
      bands: [
        { id: "excellent", label: t("ผ่านดีเยี่ยม"), minOverall: 95, minEachTool: 95 },
        { id: "pass", label: t("ผ่าน"), minOverall: 85 },
        { id: "urgent", label: t("ต้องปรับปรุงโดยด่วน"), minOverall: 0 },
      ],
    },
    analysis: { thresholds: { strength: 85, weakness: 85, urgent: 70 }, targets: [85, 95] },
    sampleSize: [{ tool: "IIT", fraction: 0.1, floor: 30 }],
    windows: [
      { id: "survey-collection", name: t("เก็บข้อมูล"), start: "2023-01-01", end: "2023-06-30" },
    ],
    surveys: {
      window: "survey-collection",
      hideScoresUntilClosed: true,
      access: { IIT: "code", EIT: "open" },
      integrity: {
        burstWindowMinutes: 10,
        burstMinimum: 30,
        busyDayFactor: 5,
        straightLineMinimumItems: 3,
        historyDriftPoints: 20,
      },
    },
    ...overrides,
  };
  return frameworkSchema.parse(input);
}

function item(id: string) {
  return {
    id,
    topic: `topic-${id}`,
    title: t(`รายการ ${id}`),
    elements: ["องค์ประกอบ"],
    year: "any" as const,
  };
}

/** Runs `work` and returns the DomainError it throws; fails the test when it throws none. */
export function domainErrorOf(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}
