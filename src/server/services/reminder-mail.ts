import { formatThaiDate, parseCalendarDate } from "../../domain/thai/dates.ts";

export interface ReminderFacts {
  kind: "due_soon" | "overdue";
  title: string;
  /** YYYY-MM-DD, Gregorian. */
  dueDate: string;
  /** Where the measure is seen and updated; absent when no public address is configured. */
  link: string | undefined;
}

const wording = {
  due_soon: { th: "ใกล้ถึงกำหนด", en: "due soon" },
  overdue: { th: "เลยกำหนดแล้ว", en: "overdue" },
} as const;

/** The reminder email about one measure: Thai first, as the documents write dates, then one English line. */
export function reminderMail(facts: ReminderFacts): { subject: string; text: string } {
  const calendar = parseCalendarDate(facts.dueDate);
  const due = calendar ? formatThaiDate(calendar, "thai", { era: true }) : facts.dueDate;
  const state = wording[facts.kind];
  const lines = [
    "เรียน ผู้รับผิดชอบมาตรการ",
    "",
    `มาตรการ "${facts.title}" ${state.th} (กำหนดแล้วเสร็จ ${due})`,
    "กรุณาดำเนินการและบันทึกความก้าวหน้าในระบบ",
    `Measure "${facts.title}" is ${state.en} (due ${facts.dueDate}); please record its progress.`,
    ...(facts.link ? ["", `ดูรายละเอียด / Details: ${facts.link}`] : []),
    "",
    "อีเมลนี้ส่งจากระบบโปร่งใส (Prongsai) โดยอัตโนมัติ",
  ];
  return {
    subject: `[โปร่งใส] มาตรการ${state.th}: ${facts.title} / Measure ${state.en}`,
    text: lines.join("\n"),
  };
}
