import { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { type Framework, frameworkSchema } from "./schema.ts";

type ZodIssue = z.core.$ZodIssue;

/**
 * Validates a framework object (already parsed from JSON) and returns it with defaults applied.
 * Throws `FRAMEWORK_INVALID` listing every problem found, each with its dotted path.
 */
export function parseFramework(json: unknown, source: string): Framework {
  // reportInput lets the Thai message tell a missing field from a wrongly typed one
  // (Zod runs the schema's cross-reference rules only once the shape is valid)
  const result = frameworkSchema.safeParse(json, { reportInput: true });
  const details = [
    ...(result.success ? [] : result.error.issues.flatMap(toDetails)),
    ...extraChecks(json),
  ];
  if (result.success && details.length === 0) return result.data;
  throw frameworkInvalid(source, details);
}

/** The error thrown for an unusable framework file; also used by the loader for unreadable JSON. */
export function frameworkInvalid(source: string, details: IssueDetail[]): DomainError {
  const summary = details
    .slice(0, 5)
    .map((d) => `${d.path || "(root)"}: ${d.en}`)
    .join("; ");
  const more = details.length > 5 ? `; and ${details.length - 5} more` : "";
  return new DomainError(
    "FRAMEWORK_INVALID",
    `Framework ${source} is invalid (${details.length} problem(s)): ${summary}${more}`,
    {
      userMessage: `ไฟล์กรอบการประเมิน ${source} ไม่ถูกต้อง พบปัญหา ${details.length} รายการ`,
      details,
    },
  );
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join(".");

function toDetails(issue: ZodIssue): IssueDetail[] {
  // one detail per unknown key, so each one points at the field to delete
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: dotted([...issue.path, key]),
      th: `ไม่รู้จักช่องข้อมูล "${key}" ให้ลบออกหรือตรวจการสะกด`,
      en: `Unrecognized key "${key}"`,
    }));
  }
  return [{ path: dotted(issue.path), th: thaiMessage(issue), en: issue.message }];
}

const thaiTypes: Record<string, string> = {
  string: "ข้อความ",
  number: "ตัวเลข",
  int: "จำนวนเต็ม",
  boolean: "ค่าจริงหรือเท็จ (true/false)",
  array: "รายการ (array)",
  object: "ออบเจกต์ (object)",
};

function thaiMessage(issue: ZodIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = thaiTypes[issue.expected] ?? issue.expected;
      return issue.input === undefined
        ? `ขาดข้อมูลที่จำเป็น (ต้องเป็น${expected})`
        : `ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น${expected}`;
    }
    case "too_small":
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive ?? true);
    case "too_big":
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive ?? true);
    case "invalid_format":
      return issue.format === "date"
        ? "ต้องเป็นวันที่แบบ ISO (ปปปป-ดด-วว ปีคริสต์ศักราช)"
        : `รูปแบบไม่ถูกต้อง: ต้องตรงกับรูปแบบ ${issue.pattern ?? issue.format}`;
    case "invalid_value":
      return `ค่าไม่ถูกต้อง: ต้องเป็นหนึ่งใน ${issue.values.map(String).join(", ")}`;
    case "custom":
      return thaiCustom(issue.message);
    default:
      return `ข้อมูลไม่ถูกต้อง: ${issue.message}`;
  }
}

function tooSmall(origin: string, min: number, inclusive: boolean): string {
  if (origin === "array") return `ต้องมีอย่างน้อย ${min} รายการ`;
  if (origin === "string") return min <= 1 ? "ต้องไม่เว้นว่าง" : `ต้องยาวอย่างน้อย ${min} ตัวอักษร`;
  return inclusive ? `ต้องไม่น้อยกว่า ${min}` : `ต้องมากกว่า ${min}`;
}

function tooBig(origin: string, max: number, inclusive: boolean): string {
  if (origin === "array") return `ต้องมีไม่เกิน ${max} รายการ`;
  if (origin === "string") return `ต้องยาวไม่เกิน ${max} ตัวอักษร`;
  return inclusive ? `ต้องไม่เกิน ${max}` : `ต้องน้อยกว่า ${max}`;
}

// Cross-reference messages of the schema (English) and their Thai equivalents.
const customThai: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^tool weights sum to (.+), not 1$/, (m) => `น้ำหนักของเครื่องมือรวมกันได้ ${m[1]} แต่ต้องรวมเป็น 1`],
  [/^unknown tool (.*)$/, (m) => `ไม่รู้จักเครื่องมือ ${m[1]}`],
  [/^duplicate ([0-9]+)$/, (m) => `หมายเลขตัวชี้วัด ${m[1]} ซ้ำ`],
  [/^tool (.+) has no indicator$/, (m) => `เครื่องมือ ${m[1]} ไม่มีตัวชี้วัด`],
  [/^indicator (.+) is not a survey indicator$/, (m) => `ตัวชี้วัดที่ ${m[1]} ไม่ใช่ตัวชี้วัดของแบบวัด`],
  [/^indicator (.+) is not a checklist indicator$/, (m) => `ตัวชี้วัดที่ ${m[1]} ไม่ใช่ตัวชี้วัดของแบบตรวจ`],
  [/^indicator (.+) has no questions or items$/, (m) => `ตัวชี้วัดที่ ${m[1]} ไม่มีข้อคำถามหรือข้อตรวจ`],
  [/^unknown scale (.*)$/, (m) => `ไม่รู้จักมาตรวัดคำตอบ ${m[1]}`],
  [/^duplicate question id (.*)$/, (m) => `รหัสข้อคำถาม ${m[1]} ซ้ำ`],
  [/^duplicate item id (.*)$/, (m) => `รหัสข้อตรวจ ${m[1]} ซ้ำ`],
  [/^duplicate id (.*)$/, (m) => `รหัส ${m[1]} ซ้ำ`],
  [/^levels must be ordered/, () => "ระดับผลการประเมินต้องเรียงจากระดับที่คะแนนขั้นต่ำสูงที่สุดลงมา"],
  [/^the last level must start at 0$/, () => "ระดับสุดท้ายต้องเริ่มที่ 0"],
  [/^the last rating band must start at 0$/, () => "ผลการประเมินช่วงสุดท้ายต้องเริ่มที่ 0"],
  [/^window ends before it starts$/, () => "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น"],
  [/^urgent > weakness$/, () => "เกณฑ์เร่งด่วนต้องไม่สูงกว่าเกณฑ์จุดอ่อน"],
];

function thaiCustom(message: string): string {
  for (const [pattern, render] of customThai) {
    const match = message.match(pattern);
    if (match) return render(match);
  }
  return `ข้อมูลไม่สอดคล้องกัน: ${message}`;
}

// Lenient views of the parts the extra checks read; a malformed part is skipped (the schema reports it).
const looseView = z.looseObject({
  tools: z.array(z.looseObject({ id: z.string(), kind: z.string() })).catch([]),
  oit: z
    .array(
      z.looseObject({
        id: z.string(),
        indicator: z.number(),
        items: z.array(z.looseObject({ topic: z.string() })),
      }),
    )
    .catch([]),
  sampleSize: z.array(z.looseObject({ tool: z.string() })).catch([]),
  rating: z
    .looseObject({ bands: z.array(z.looseObject({ id: z.string(), minOverall: z.number() })) })
    .optional()
    .catch(undefined),
  windows: z.array(z.looseObject({ id: z.string() })).catch([]),
});

/** Rules the schema does not state but the rest of the system relies on. */
function extraChecks(json: unknown): IssueDetail[] {
  const view = looseView.safeParse(json);
  if (!view.success) return [];
  const f = view.data;
  const out: IssueDetail[] = [];
  const add = (path: string, th: string, en: string) => out.push({ path, th, en });

  const topics = new Map<string, string>();
  f.oit.forEach((sub, i) => {
    if (sub.id.split(".")[0] !== String(sub.indicator))
      add(
        `oit.${i}.id`,
        `รหัสตัวชี้วัดย่อย ${sub.id} ต้องขึ้นต้นด้วยหมายเลขตัวชี้วัด ${sub.indicator}`,
        `sub-indicator ${sub.id} must start with its indicator number ${sub.indicator}`,
      );
    sub.items.forEach((item, j) => {
      const path = `oit.${i}.items.${j}.topic`;
      const first = topics.get(item.topic);
      if (first)
        add(
          path,
          `หัวข้อ ${item.topic} ซ้ำกับ ${first} หัวข้อต้องไม่ซ้ำกันภายในปีเดียวกัน`,
          `topic ${item.topic} repeats ${first}; topics must be unique within a year`,
        );
      else topics.set(item.topic, path);
    });
  });

  const surveys = new Set(f.tools.filter((t) => t.kind === "survey").map((t) => t.id));
  f.sampleSize.forEach((rule, i) => {
    if (f.tools.some((t) => t.id === rule.tool) && !surveys.has(rule.tool))
      add(
        `sampleSize.${i}.tool`,
        `เครื่องมือ ${rule.tool} ไม่ใช่แบบวัด จึงไม่มีขนาดตัวอย่าง`,
        `tool ${rule.tool} is not a survey, so it has no sample size`,
      );
  });

  const bands = f.rating?.bands ?? [];
  const bandIds = new Set<string>();
  bands.forEach((band, i) => {
    if (bandIds.has(band.id))
      add(`rating.bands.${i}.id`, `รหัสผลการประเมิน ${band.id} ซ้ำ`, `duplicate band id ${band.id}`);
    bandIds.add(band.id);
    const previous = bands[i - 1];
    if (previous && band.minOverall > previous.minOverall)
      add(
        `rating.bands.${i}.minOverall`,
        "ผลการประเมินต้องเรียงจากเกณฑ์สูงสุดลงมา",
        "rating bands must be ordered from the highest minimum down",
      );
  });

  const windowIds = new Set<string>();
  f.windows.forEach((w, i) => {
    if (windowIds.has(w.id))
      add(`windows.${i}.id`, `รหัสช่วงเวลา ${w.id} ซ้ำ`, `duplicate window id ${w.id}`);
    windowIds.add(w.id);
  });
  return out;
}
