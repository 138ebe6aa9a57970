import { measureStatuses } from "../../shared/measure.ts";
import { measureStatusLabels, type PublicYearData } from "../../shared/public-page.ts";
import { thaiDate } from "./page-format.ts";
import { ScrollRegion } from "./scroll-region.tsx";

type Measure = PublicYearData["measures"][number];
type Report = PublicYearData["progressReports"][number];

/** Each measure with who is responsible, its status and progress, and when it is due. */
export function YearMeasuresSection({ data }: { data: PublicYearData }) {
  const { measures } = data;
  const counts = measureStatuses
    .map((status) => ({ status, n: measures.filter((m) => m.status === status).length }))
    .filter((c) => c.n > 0);
  return (
    <section aria-labelledby="measures">
      <h2 id="measures">ความก้าวหน้าของมาตรการ ปีงบประมาณ {data.fiscalYear}</h2>
      {measures.length === 0 ? (
        <p className="empty">หน่วยงานยังไม่ได้บันทึกมาตรการของปีนี้</p>
      ) : (
        <>
          <p>
            ทั้งหมด {measures.length} มาตรการ:{" "}
            {counts.map((c) => `${measureStatusLabels[c.status].th} ${c.n}`).join(", ")}
          </p>
          <ol className="cards">
            {measures.map((measure, index) => (
              <MeasureCard key={measure.id} measure={measure} number={index + 1} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function MeasureCard({ measure, number }: { measure: Measure; number: number }) {
  return (
    <li>
      <h3>
        {number}. {measure.title}
      </h3>
      <dl className="facts">
        <dt>ผู้รับผิดชอบ</dt>
        <dd>{measure.responsible.join(", ")}</dd>
        <dt>สถานะ</dt>
        <dd>
          <span className={`badge s-${measure.status}`}>{measure.statusLabel.th}</span>
        </dd>
        <dt>ความก้าวหน้า</dt>
        <dd>
          <div className="bar" aria-hidden="true">
            <span style={{ width: `${measure.progress}%` }} />
          </div>
          ร้อยละ {measure.progress}
        </dd>
        <dt>กำหนดแล้วเสร็จ</dt>
        <dd>{thaiDate(measure.dueDate)}</dd>
      </dl>
    </li>
  );
}

/** The six-month and year-end reports on the measures, when the agency has written them. */
export function ProgressReportsSection({ data }: { data: PublicYearData }) {
  return (
    <section aria-labelledby="reports">
      <h2 id="reports">รายงานการติดตามผลการดำเนินการตามมาตรการ</h2>
      {data.progressReports.length === 0 ? (
        <p className="empty">ยังไม่มีรายงานความก้าวหน้ารอบ 6 เดือนหรือรอบสิ้นปีงบประมาณ</p>
      ) : (
        <ul className="cards">
          {data.progressReports.map((report) => (
            <ReportCard key={report.kind} report={report} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportCard({ report }: { report: Report }) {
  const captionId = `report-${report.kind}`;
  return (
    <li>
      <h3>
        {report.label.th} ณ วันที่ {thaiDate(report.asOf)}
      </h3>
      <p>{report.summary}</p>
      {report.entries.length > 0 ? (
        <ScrollRegion labelledBy={captionId}>
          <table>
            <caption id={captionId}>ผลรายมาตรการ</caption>
            <thead>
              <tr>
                <th scope="col">มาตรการ</th>
                <th scope="col">สถานะ</th>
                <th scope="col">ร้อยละ</th>
                <th scope="col">หมายเหตุ</th>
              </tr>
            </thead>
            <tbody>
              {report.entries.map((entry) => (
                <tr key={entry.measureId}>
                  <td>{entry.title || "–"}</td>
                  <td>{measureStatusLabels[entry.status].th}</td>
                  <td className="n">{entry.progress}</td>
                  <td>{entry.note || "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
    </li>
  );
}
