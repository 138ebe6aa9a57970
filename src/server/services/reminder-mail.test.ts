import { describe, expect, it } from "vitest";
import { reminderMail } from "./reminder-mail.ts";

describe("the reminder email", () => {
  it("writes the due date in Thai digits and the Buddhist Era, Thai first, then one English line", () => {
    const mail = reminderMail({
      kind: "overdue",
      title: "ซ่อมป้ายประกาศ",
      dueDate: "2023-03-01",
      link: "https://ita.example.go.th/agencies/a/assessments/b/measures/c",
    });
    expect(mail.subject).toBe("[โปร่งใส] มาตรการเลยกำหนดแล้ว: ซ่อมป้ายประกาศ / Measure overdue");
    const lines = mail.text.split("\n");
    expect(lines[2]).toBe('มาตรการ "ซ่อมป้ายประกาศ" เลยกำหนดแล้ว (กำหนดแล้วเสร็จ ๑ มีนาคม พ.ศ. ๒๕๖๖)');
    expect(lines[4]).toBe(
      'Measure "ซ่อมป้ายประกาศ" is overdue (due 2023-03-01); please record its progress.',
    );
    expect(mail.text).toContain(
      "ดูรายละเอียด / Details: https://ita.example.go.th/agencies/a/assessments/b/measures/c",
    );
    expect(mail.text).not.toMatch(/2566/);
  });

  it("says due soon, and leaves the link out when no public address is configured", () => {
    const mail = reminderMail({
      kind: "due_soon",
      title: "อบรมจริยธรรม",
      dueDate: "2023-12-24",
      link: undefined,
    });
    expect(mail.subject).toBe("[โปร่งใส] มาตรการใกล้ถึงกำหนด: อบรมจริยธรรม / Measure due soon");
    expect(mail.text).toContain("(กำหนดแล้วเสร็จ ๒๔ ธันวาคม พ.ศ. ๒๕๖๖)");
    expect(mail.text).toContain("is due soon (due 2023-12-24)");
    expect(mail.text).not.toContain("http");
    expect(mail.text).not.toContain("ดูรายละเอียด");
  });
});
