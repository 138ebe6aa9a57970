import type { z } from "zod";

// Thai wording for Zod's built-in issues; custom issues carry their own Thai in `params.th`.

const THAI_TYPE: Record<string, string> = {
  string: "ข้อความ",
  number: "ตัวเลข",
  int: "จำนวนเต็ม",
  boolean: "ค่าจริงหรือเท็จ",
  array: "รายการ (array)",
  object: "ออบเจกต์ (object)",
  record: "ออบเจกต์ (object)",
  null: "ค่าว่าง (null)",
};

function thaiType(name: string): string {
  return THAI_TYPE[name] ?? name;
}

function thaiMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "custom": {
      const th: unknown = issue.params?.th;
      return typeof th === "string" ? th : "ข้อมูลไม่ถูกต้อง";
    }
    case "invalid_type":
      if (issue.input === undefined) return `ขาดข้อมูลที่จำเป็น (ต้องเป็น${thaiType(issue.expected)})`;
      return `ชนิดข้อมูลไม่ถูกต้อง ต้องเป็น${thaiType(issue.expected)}`;
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string")
        return min === "1" ? "ต้องไม่เป็นข้อความว่าง" : `ข้อความต้องยาวอย่างน้อย ${min} ตัวอักษร`;
      if (issue.origin === "array" || issue.origin === "set") return `ต้องมีอย่างน้อย ${min} รายการ`;
      return issue.inclusive ? `ต้องมีค่าไม่น้อยกว่า ${min}` : `ต้องมีค่ามากกว่า ${min}`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") return `ข้อความต้องยาวไม่เกิน ${max} ตัวอักษร`;
      if (issue.origin === "array" || issue.origin === "set") return `ต้องมีไม่เกิน ${max} รายการ`;
      return issue.inclusive ? `ต้องมีค่าไม่เกิน ${max}` : `ต้องมีค่าน้อยกว่า ${max}`;
    }
    case "invalid_format":
      return issue.pattern
        ? `รูปแบบไม่ถูกต้อง ต้องตรงกับรูปแบบ ${issue.pattern}`
        : `รูปแบบไม่ถูกต้อง (${issue.format})`;
    case "unrecognized_keys":
      return `มีชื่อฟิลด์ที่ไม่รู้จัก: ${issue.keys.join(", ")}`;
    case "invalid_value":
      return `ค่าไม่ถูกต้อง ต้องเป็นหนึ่งใน ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_key":
      return `ชื่อคีย์ไม่ถูกต้อง: ${issue.issues.map(thaiMessage).join("; ")}`;
    case "invalid_union":
      return "ข้อมูลไม่ตรงกับรูปแบบใดที่กำหนด";
    case "not_multiple_of":
      return `ต้องเป็นจำนวนที่หารด้วย ${String(issue.divisor)} ลงตัว`;
    default:
      return "ข้อมูลไม่ถูกต้อง";
  }
}

/** Thai explanation of one Zod issue; custom issues carry their own Thai in `params.th`. */
export function thaiIssueMessage(issue: z.core.$ZodIssue): string {
  return thaiMessage(issue);
}
