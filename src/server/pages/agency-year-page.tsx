import { isSafeLink } from "../../documents/safe-link.ts";
import { type PublicYearData, publicPaths } from "../../shared/public-page.ts";
import { fileSize, thaiDate } from "./page-format.ts";
import { PageLayout, renderPage } from "./page-layout.tsx";
import { ProgressReportsSection, YearMeasuresSection } from "./year-measures-section.tsx";
import { YearResultSection } from "./year-result-section.tsx";

const formatNames: Record<string, string> = {
  html: "อ่านบนเว็บ (HTML)",
  pdf: "ดาวน์โหลด PDF",
  docx: "ดาวน์โหลด Word (DOCX)",
};

/** An agency's transparency page for one fiscal year. */
export function AgencyYearPage({ data }: { data: PublicYearData }) {
  const { agency, fiscalYear } = data;
  return (
    <PageLayout
      title={`${agency.name} · ปีงบประมาณ ${fiscalYear} · โปร่งใส`}
      description={`ผลการประเมิน ITA มาตรการส่งเสริมคุณธรรมและความโปร่งใส และความก้าวหน้า ของ${agency.name} ปีงบประมาณ ${fiscalYear}`}
      crumbs={[
        { label: agency.name, href: publicPaths.agency(agency.id) },
        { label: `ปีงบประมาณ ${fiscalYear}` },
      ]}
    >
      <AgencyHeader data={data} />
      <YearResultSection data={data} />
      <DocumentSection data={data} />
      <YearMeasuresSection data={data} />
      <ProgressReportsSection data={data} />
      <section aria-labelledby="open-data">
        <h2 id="open-data">หลักฐาน OIT และข้อมูลเปิด</h2>
        <ul className="links">
          <li>
            <a href={data.links.oit}>ดัชนีหลักฐาน OIT ปีงบประมาณ {fiscalYear}</a>
          </li>
          <li>
            <a href={data.links.json}>ข้อมูลของหน้านี้ในรูปแบบ JSON</a>{" "}
            <span lang="en">(machine-readable)</span>
          </li>
          <li>
            <a href={data.links.csv}>ข้อมูลของหน้านี้ในรูปแบบ CSV (เปิดด้วย Excel ได้)</a>
          </li>
        </ul>
      </section>
    </PageLayout>
  );
}

function AgencyHeader({ data }: { data: PublicYearData }) {
  const { agency, fiscalYear } = data;
  const others = data.years.filter((year) => year !== fiscalYear);
  return (
    <>
      <h1>{agency.name}</h1>
      {agency.nameEn ? (
        <p className="muted" lang="en">
          {agency.nameEn}
        </p>
      ) : null}
      <p>ข้อมูลคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. {fiscalYear}</p>
      <dl className="facts">
        <dt>ประเภท</dt>
        <dd>{agency.type}</dd>
        <dt>อำเภอหรือเขต</dt>
        <dd>{agency.district}</dd>
        <dt>จังหวัด</dt>
        <dd>{agency.province}</dd>
        <dt>ผู้บริหาร</dt>
        <dd>
          {agency.headName ? `${agency.headName} ${agency.headPosition}` : agency.headPosition}
        </dd>
        <dt>เว็บไซต์</dt>
        <dd>{isSafeLink(agency.website) ? <a href={agency.website}>{agency.website}</a> : "–"}</dd>
      </dl>
      {others.length > 0 ? (
        <nav aria-label="ปีงบประมาณอื่น">
          <p>
            ปีงบประมาณอื่น:{" "}
            {others.map((year, index) => (
              <span key={year}>
                {index > 0 ? ", " : ""}
                <a href={publicPaths.year(agency.id, year)}>{year}</a>
              </span>
            ))}
          </p>
        </nav>
      ) : null}
    </>
  );
}

function DocumentSection({ data }: { data: PublicYearData }) {
  const { document } = data;
  return (
    <section aria-labelledby="document">
      <h2 id="document">เอกสารการวิเคราะห์ผลและมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน</h2>
      {document ? (
        <>
          <p>
            ฉบับที่ {document.version} ผู้บริหารอนุมัติเมื่อ {thaiDate(document.approvedOn)}
          </p>
          <ul className="links">
            {document.files.map((file) => (
              <li key={file.format}>
                <a href={file.url}>{formatNames[file.format] ?? file.format}</a>{" "}
                <span className="muted">({fileSize(file.size)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">
          หน่วยงานยังไม่ได้เผยแพร่เอกสารมาตรการของปีงบประมาณ {data.fiscalYear} ที่ผ่านการอนุมัติ
        </p>
      )}
    </section>
  );
}

export function renderAgencyYearPage(data: PublicYearData): string {
  return renderPage(<AgencyYearPage data={data} />);
}
