import { thaiDate } from "../page-format.ts";
import { renderPage } from "../page-layout.tsx";
import { SurveyFrame } from "./survey-frame.tsx";
import type { SurveyInfo } from "./survey-info.ts";

export interface StartPageProps {
  info: SurveyInfo;
  /** A printed code to show in the field (from the QR code's address or a failed try). */
  code?: string | undefined;
  contact?: string | undefined;
  /** Why the last code or contact was not accepted. */
  error?: string | undefined;
}

/** The survey's first page: whose survey it is, how anonymity is kept, and how to begin. */
export function SurveyStartPage({ info, code, contact, error }: StartPageProps) {
  return (
    <SurveyFrame info={info} title={info.toolName}>
      <h1>{info.toolName}</h1>
      <dl className="facts">
        <dt>หน่วยงาน</dt>
        <dd>{info.agencyName}</dd>
        <dt>ปีงบประมาณ</dt>
        <dd>{info.fiscalYear}</dd>
        <dt>เปิดรับคำตอบ</dt>
        <dd>
          {thaiDate(info.opensOn)} ถึง {thaiDate(info.closesOn)}
        </dd>
        <dt>จำนวนส่วน</dt>
        <dd>{info.screens} ส่วน (ส่วนละหนึ่งหน้าจอ)</dd>
      </dl>
      <h2>ท่านตอบได้โดยไม่ต้องเปิดเผยตัวตน</h2>
      <ul className="links">
        <li>แบบสำรวจนี้ไม่ถามชื่อ และไม่ถามข้อมูลที่ระบุตัวท่าน</li>
        {info.access === "code" ? (
          <li>รหัสบนบัตรใช้ตรวจเพียงว่าตอบได้ครั้งเดียว ระบบไม่บันทึกว่ารหัสใดตอบอย่างไร</li>
        ) : null}
        {info.access === "otp" ? (
          <li>
            เบอร์โทรศัพท์หรืออีเมลใช้ส่งรหัสยืนยันเท่านั้น ระบบเก็บไว้ในรูปที่ถอดกลับไม่ได้เพื่อกันการตอบซ้ำ
            และไม่ผูกกับคำตอบของท่าน
          </li>
        ) : null}
        <li>ระบบเก็บเพียงวันที่ตอบ ไม่เก็บเวลา ที่อยู่ IP หรือข้อมูลเครื่องที่ใช้ตอบ</li>
        <li>หน่วยงานเห็นเฉพาะผลรวมของทุกคน ไม่เห็นคำตอบรายบุคคล</li>
      </ul>
      <h2>เริ่มตอบ</h2>
      {error ? (
        <div className="errors" role="alert">
          <p className="error">{error}</p>
        </div>
      ) : null}
      {info.access === "open" ? (
        <form method="post" action={`${info.basePath}/start`}>
          <p>ตอบทีละส่วน เลือกคำตอบที่ตรงกับความเห็นของท่านมากที่สุดทุกข้อ แล้วกด "ถัดไป"</p>
          <div className="actions">
            <button className="button" type="submit">
              เริ่มตอบแบบสำรวจ
            </button>
          </div>
        </form>
      ) : null}
      {info.access === "code" ? (
        <form method="post" action={`${info.basePath}/start`}>
          <div className="field">
            <label htmlFor="code">รหัสบนบัตร</label>
            <p className="hint" id="code-hint">
              ตัวอักษรและตัวเลข 8 ตัว เช่น ABCD-2345
            </p>
            <input
              id="code"
              name="code"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={20}
              defaultValue={code ?? ""}
              aria-describedby="code-hint"
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="actions">
            <button className="button" type="submit">
              เริ่มตอบแบบสำรวจ
            </button>
          </div>
        </form>
      ) : null}
      {info.access === "otp" ? (
        <form method="post" action={`${info.basePath}/otp`}>
          <div className="field">
            <label htmlFor="contact">เบอร์โทรศัพท์มือถือหรืออีเมล</label>
            <p className="hint" id="contact-hint">
              ระบบจะส่งรหัส 6 หลักไปให้ ใช้ได้ภายใน 10 นาที
            </p>
            <input
              id="contact"
              name="contact"
              type="text"
              inputMode="email"
              autoComplete="off"
              maxLength={254}
              defaultValue={contact ?? ""}
              aria-describedby="contact-hint"
              aria-invalid={error ? true : undefined}
            />
          </div>
          <div className="actions">
            <button className="button" type="submit">
              ขอรหัสยืนยัน
            </button>
          </div>
        </form>
      ) : null}
    </SurveyFrame>
  );
}

export function renderSurveyStartPage(props: StartPageProps): string {
  return renderPage(<SurveyStartPage {...props} />);
}
