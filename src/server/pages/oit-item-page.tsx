import type { OitItem, SubIndicator } from "../../domain/framework/schema.ts";
import { type PublicYearData, publicPaths } from "../../shared/public-page.ts";
import { evidenceOf, type ItemEvidence, type OitPageProps } from "./oit-index-page.tsx";
import { fileSize, thaiDate } from "./page-format.ts";
import { PageLayout, renderPage } from "./page-layout.tsx";

export interface OitItemPageProps extends OitPageProps {
  item: OitItem;
  sub: SubIndicator;
  /** This page's own address, absolute when the site's public address is configured. */
  address: string;
}

/** One OIT item: what it asks for, and the evidence Prongsai publishes for it (if any). */
export function OitItemPage({ data, evidence, item, sub, address }: OitItemPageProps) {
  const { agency, fiscalYear } = data;
  const found = evidenceOf(item, evidence, data);
  const evidenceYear =
    item.year === "current"
      ? `ปีงบประมาณ ${fiscalYear}`
      : item.year === "previous"
        ? `ปีงบประมาณ ${fiscalYear - 1} (ปีที่ผ่านมา)`
        : "ไม่กำหนดปี";
  return (
    <PageLayout
      title={`${item.id} ${item.title.th} · ${agency.name} · ปีงบประมาณ ${fiscalYear}`}
      crumbs={[
        { label: agency.name, href: publicPaths.agency(agency.id) },
        { label: `ปีงบประมาณ ${fiscalYear}`, href: publicPaths.year(agency.id, fiscalYear) },
        { label: "ดัชนีหลักฐาน OIT", href: publicPaths.oit(agency.id, fiscalYear) },
        { label: item.id },
      ]}
    >
      <h1>
        {item.id} {item.title.th}
      </h1>
      <p className="muted" lang="en">
        {item.title.en}
      </p>
      <dl className="facts">
        <dt>หน่วยงาน</dt>
        <dd>{agency.name}</dd>
        <dt>ตัวชี้วัดย่อย</dt>
        <dd>
          {sub.id} {sub.name.th}
        </dd>
        <dt>หลักฐานต้องเป็นของ</dt>
        <dd>{evidenceYear}</dd>
      </dl>
      <h2>องค์ประกอบที่ข้อนี้ต้องมี</h2>
      <ul>
        {item.elements.map((element) => (
          <li key={element}>{element}</li>
        ))}
      </ul>
      <h2>หลักฐานในระบบโปร่งใส</h2>
      {found ? (
        <Evidence found={found} data={data} />
      ) : (
        <p className="empty">ยังไม่มีการบันทึกหลักฐานของข้อนี้ในระบบโปร่งใส</p>
      )}
      <h2>ที่อยู่ถาวรของหน้านี้</h2>
      <p>
        หน่วยงานใช้ที่อยู่นี้เป็นหลักฐานของข้อ {item.id} ได้: <a href={address}>{address}</a>
      </p>
    </PageLayout>
  );
}

function Evidence({ found, data }: { found: ItemEvidence; data: PublicYearData }) {
  if (!found.published)
    return (
      <p className="empty">
        หน่วยงานยังไม่ได้เผยแพร่{found.description}ของปีงบประมาณ {data.fiscalYear}
      </p>
    );
  const pageLink = (hash: string, text: string) => (
    <a href={`${data.links.page}#${hash}`}>{text}</a>
  );
  if (found.source === "measures-document" && data.document)
    return (
      <>
        <p>
          {found.description} ฉบับที่ {data.document.version} อนุมัติเมื่อ{" "}
          {thaiDate(data.document.approvedOn)}
        </p>
        <ul className="links">
          {data.document.files.map((file) => (
            <li key={file.format}>
              <a href={file.url}>{file.format.toUpperCase()}</a>{" "}
              <span className="muted">({fileSize(file.size)})</span>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <>
      <p>{found.description}</p>
      <ul className="links">
        <li>{pageLink("measures", `ความก้าวหน้าของมาตรการ ${data.measures.length} มาตรการ`)}</li>
        {data.progressReports.map((report) => (
          <li key={report.kind}>
            {pageLink("reports", `${report.label.th} ณ วันที่ ${thaiDate(report.asOf)}`)}
          </li>
        ))}
      </ul>
    </>
  );
}

export function renderOitItemPage(props: OitItemPageProps): string {
  return renderPage(<OitItemPage {...props} />);
}
