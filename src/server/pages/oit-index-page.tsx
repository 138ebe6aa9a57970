import type { EvidenceSource, PublishedEvidence } from "../../domain/content/published-evidence.ts";
import type { Framework, OitItem } from "../../domain/framework/schema.ts";
import { type PublicYearData, publicPaths } from "../../shared/public-page.ts";
import { PageLayout, renderPage } from "./page-layout.tsx";

export interface OitPageProps {
  data: PublicYearData;
  /** The framework of the page's fiscal year: its OIT list is the one evaluators check. */
  framework: Framework;
  evidence: PublishedEvidence;
}

export interface ItemEvidence {
  source: EvidenceSource;
  description: string;
  /** Whether the agency has published it yet. */
  published: boolean;
}

/** What Prongsai publishes for an item, by its topic; null when it publishes nothing for it. */
export function evidenceOf(
  item: OitItem,
  evidence: PublishedEvidence,
  data: PublicYearData,
): ItemEvidence | null {
  const mapped = evidence[item.topic];
  if (!mapped) return null;
  const published =
    mapped.source === "measures-document"
      ? data.document !== null
      : data.measures.length > 0 || data.progressReports.length > 0;
  return { source: mapped.source, description: mapped.description, published };
}

/** Every OIT item of the year, each with its own stable address an agency can give as evidence. */
export function OitIndexPage({ data, framework, evidence }: OitPageProps) {
  const { agency, fiscalYear } = data;
  return (
    <PageLayout
      title={`ดัชนีหลักฐาน OIT · ${agency.name} · ปีงบประมาณ ${fiscalYear}`}
      crumbs={[
        { label: agency.name, href: publicPaths.agency(agency.id) },
        { label: `ปีงบประมาณ ${fiscalYear}`, href: publicPaths.year(agency.id, fiscalYear) },
        { label: "ดัชนีหลักฐาน OIT" },
      ]}
    >
      <h1>ดัชนีหลักฐาน OIT ปีงบประมาณ {fiscalYear}</h1>
      <p>
        {agency.name} · แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) <span lang="en">Open Data</span>{" "}
        ทุกข้อของปีนี้มีหน้าของตัวเองที่ที่อยู่ไม่เปลี่ยน หน่วยงานใช้ที่อยู่นั้นเป็นหลักฐานได้
      </p>
      {framework.oit.map((sub) => (
        <section key={sub.id} aria-labelledby={`sub-${sub.id}`}>
          <h2 id={`sub-${sub.id}`}>
            {sub.id} {sub.name.th}
          </h2>
          <ul className="links">
            {sub.items.map((item) => {
              const found = evidenceOf(item, evidence, data);
              return (
                <li key={item.id}>
                  <a href={publicPaths.oitItem(agency.id, fiscalYear, item.id)}>
                    {item.id} {item.title.th}
                  </a>{" "}
                  <span className="muted">
                    {found?.published ? "· มีหลักฐานในระบบโปร่งใส" : "· ยังไม่มีหลักฐานในระบบ"}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </PageLayout>
  );
}

export function renderOitIndexPage(props: OitPageProps): string {
  return renderPage(<OitIndexPage {...props} />);
}
