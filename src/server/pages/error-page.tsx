import { PageLayout, renderPage } from "./page-layout.tsx";

/** A Thai error page: people follow links to public pages, so they get a page, not JSON. */
export function ErrorPage({ status, message }: { status: number; message: string }) {
  const notFound = status === 404;
  return (
    <PageLayout title={`${notFound ? "ไม่พบหน้าที่ต้องการ" : "เกิดข้อผิดพลาด"} · โปร่งใส`}>
      <h1>{notFound ? "ไม่พบหน้าที่ต้องการ" : "เกิดข้อผิดพลาด"}</h1>
      <p>{message}</p>
      <p>
        {notFound
          ? "กรุณาตรวจสอบที่อยู่ (URL) อีกครั้ง หรือเปิดจากลิงก์บนเว็บไซต์ของหน่วยงาน"
          : "กรุณาลองใหม่อีกครั้งในภายหลัง"}
      </p>
      <p className="muted" lang="en">
        {notFound ? `${status} · page not found` : `${status} · something went wrong`}
      </p>
    </PageLayout>
  );
}

export function renderErrorPage(status: number, message: string): string {
  return renderPage(<ErrorPage status={status} message={message} />);
}
