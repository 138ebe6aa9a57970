import { formatThaiDate, parseCalendarDate } from "../../domain/thai/dates.ts";

export interface ReminderFacts {
  kind: "due_soon" | "overdue";
  title: string;
  dueDate: string;
  /** Where the measure is seen and updated; absent when no public address is configured. */
  link: string | undefined;
}

/** The Thai reminder email about one measure. */
export function reminderMail(facts: ReminderFacts): { subject: string; text: string } {
  const calendar = parseCalendarDate(facts.dueDate);
  const due = calendar ? formatThaiDate(calendar, "arabic", { era: true }) : facts.dueDate;
  const state = facts.kind === "overdue" ? "เลยกำหนดแล้ว" : "ใกล้ถึงกำหนด";
  const lines = [
    "เรียน ผู้รับผิดชอบมาตรการ",
    "",
    `มาตรการ "${facts.title}" ${state} (กำหนดแล้วเสร็จ ${due})`,
    "กรุณาดำเนินการและบันทึกความก้าวหน้าในระบบ",
    ...(facts.link ? ["", `ดูรายละเอียด: ${facts.link}`] : []),
    "",
    "อีเมลนี้ส่งจากระบบโปร่งใส (Prongsai) โดยอัตโนมัติ",
  ];
  return { subject: `[โปร่งใส] มาตรการ${state}: ${facts.title}`, text: lines.join("\n") };
}
