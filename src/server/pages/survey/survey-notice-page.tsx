import { thaiDate } from "../page-format.ts";
import { renderPage } from "../page-layout.tsx";
import { SurveyFrame } from "./survey-frame.tsx";
import type { SurveyInfo } from "./survey-info.ts";

export type NoticeKind =
  | "thanks"
  | "not_yet_open"
  | "closed"
  | "code_used"
  | "already_answered"
  | "otp_expired"
  | "otp_too_many";

interface Notice {
  heading: string;
  lines: string[];
  /** A way on, when there is one. */
  link?: { href: string; label: string };
}

function noticeOf(kind: NoticeKind, info: SurveyInfo): Notice {
  const window = `${thaiDate(info.opensOn)} ถึง ${thaiDate(info.closesOn)}`;
  const restart = { href: info.basePath, label: "ขอรหัสยืนยันใหม่" };
  switch (kind) {
    case "thanks":
      return {
        heading: "ขอบคุณที่ตอบแบบสำรวจ",
        lines: [
          "บันทึกคำตอบของท่านเรียบร้อยแล้ว ความเห็นของท่านช่วยให้หน่วยงานปรับปรุงการทำงาน",
          "คำตอบไม่ผูกกับตัวท่าน ท่านปิดหน้านี้ได้เลย",
        ],
      };
    case "not_yet_open":
      return {
        heading: "แบบสำรวจยังไม่เปิดรับคำตอบ",
        lines: [`เปิดรับคำตอบ ${window}`, "กรุณากลับมาตอบในช่วงเวลาดังกล่าว"],
      };
    case "closed":
      return {
        heading: "แบบสำรวจปิดรับคำตอบแล้ว",
        lines: [`เปิดรับคำตอบ ${window} ซึ่งสิ้นสุดแล้ว`, "ขอบคุณที่สนใจ"],
      };
    case "code_used":
      return {
        heading: "รหัสนี้ใช้ตอบแล้ว",
        lines: [
          "รหัสแต่ละใบใช้ตอบได้ครั้งเดียว",
          "หากท่านยังไม่ได้ตอบ กรุณาติดต่อผู้ประสานงานของหน่วยงานเพื่อขอรหัสใหม่",
        ],
      };
    case "already_answered":
      return {
        heading: "ท่านตอบแบบสำรวจนี้แล้ว",
        lines: ["แต่ละคนตอบแบบสำรวจนี้ได้ครั้งเดียว ขอบคุณที่ร่วมตอบ"],
      };
    case "otp_expired":
      return {
        heading: "รหัสยืนยันหมดอายุแล้ว",
        lines: ["รหัสยืนยันใช้ได้ภายใน 10 นาที กรุณาขอรหัสใหม่"],
        link: restart,
      };
    case "otp_too_many":
      return {
        heading: "กรอกรหัสยืนยันผิดหลายครั้งเกินไป",
        lines: ["เพื่อความปลอดภัย รหัสนี้ใช้ไม่ได้แล้ว กรุณาขอรหัสใหม่"],
        link: restart,
      };
  }
}

/** A plain page for where the respondent's journey ends or pauses: never a bare error. */
export function SurveyNoticePage({ kind, info }: { kind: NoticeKind; info: SurveyInfo }) {
  const notice = noticeOf(kind, info);
  return (
    <SurveyFrame info={info} title={notice.heading}>
      <h1>{notice.heading}</h1>
      <div className={kind === "thanks" ? "done" : "empty"} role="status">
        {notice.lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {notice.link ? (
        <p>
          <a href={notice.link.href}>{notice.link.label}</a>
        </p>
      ) : null}
    </SurveyFrame>
  );
}

export function renderSurveyNoticePage(kind: NoticeKind, info: SurveyInfo): string {
  return renderPage(<SurveyNoticePage kind={kind} info={info} />);
}
