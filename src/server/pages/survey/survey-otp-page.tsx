import { renderPage } from "../page-layout.tsx";
import { SurveyFrame } from "./survey-frame.tsx";
import type { SurveyInfo } from "./survey-info.ts";

export interface OtpPageProps {
  info: SurveyInfo;
  /** The normalised contact, carried back so the code can be checked against it. */
  contact: string;
  error?: string | undefined;
}

/** Where the respondent types the six-digit code that was sent to them. */
export function SurveyOtpPage({ info, contact, error }: OtpPageProps) {
  return (
    <SurveyFrame info={info} title="กรอกรหัสยืนยัน">
      <h1>กรอกรหัสยืนยัน</h1>
      <p role="status">ส่งรหัส 6 หลักไปที่ช่องทางที่ท่านให้ไว้แล้ว รหัสใช้ได้ภายใน 10 นาที</p>
      {error ? (
        <div className="errors" role="alert">
          <p className="error">{error}</p>
        </div>
      ) : null}
      <form method="post" action={`${info.basePath}/otp/confirm`}>
        <input type="hidden" name="contact" value={contact} />
        <div className="field">
          <label htmlFor="otp">รหัสยืนยัน 6 หลัก</label>
          <input
            id="otp"
            name="otp"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="actions">
          <button className="button" type="submit">
            ยืนยันและเริ่มตอบ
          </button>
        </div>
      </form>
      <p>
        ไม่ได้รับรหัส? <a href={info.basePath}>กลับไปขอรหัสใหม่</a>
      </p>
    </SurveyFrame>
  );
}

export function renderSurveyOtpPage(props: OtpPageProps): string {
  return renderPage(<SurveyOtpPage {...props} />);
}
