import { cachedChartSvg } from "../../documents/chart/chart-cache.ts";
import type { IndicatorChart } from "../../documents/model.ts";
import type { PublicYearData } from "../../shared/public-page.ts";
import { score } from "./page-format.ts";
import { ScrollRegion, ScrollRegionHtml } from "./scroll-region.tsx";

type Result = NonNullable<PublicYearData["result"]>;

/** The result this year's measures analyse: overall, level, the chart and the same figures as a table. */
export function YearResultSection({ data }: { data: PublicYearData }) {
  const { result } = data;
  return (
    <section aria-labelledby="result">
      <h2 id="result">ผลการประเมิน ITA{result ? ` ปีงบประมาณ ${result.fiscalYear}` : ""}</h2>
      {result ? (
        <ResultBody result={result} measuresYear={data.fiscalYear} />
      ) : (
        <p className="empty">
          ยังไม่มีผลการประเมินของปีก่อนปีงบประมาณ {data.fiscalYear} ในระบบ ซึ่งเป็นผลที่มาตรการของปีนี้นำมาวิเคราะห์
        </p>
      )}
    </section>
  );
}

function ResultBody({ result, measuresYear }: { result: Result; measuresYear: number }) {
  const { previous } = result;
  const hasPrevious = result.indicators.some((i) => i.previous !== null);
  return (
    <>
      <p className="muted">ผลการประเมินล่าสุดที่มาตรการของปีงบประมาณ {measuresYear} นำมาวิเคราะห์</p>
      <dl className="facts">
        <dt>คะแนนรวม</dt>
        <dd>
          <span className="big">{score(result.overall)}</span>{" "}
          {result.official ? "(คะแนนทางการ)" : "(คำนวณจากคะแนนรายตัวชี้วัด)"}
        </dd>
        <dt>ระดับ</dt>
        <dd>{result.level}</dd>
        {result.rating ? (
          <>
            <dt>ผลการประเมิน</dt>
            <dd>{result.rating.th}</dd>
          </>
        ) : null}
        {previous ? (
          <>
            <dt>ปีงบประมาณ {previous.fiscalYear}</dt>
            <dd>
              {score(previous.overall)} (ระดับ {previous.level})
            </dd>
          </>
        ) : null}
      </dl>
      <figure>
        {/* Our own renderer's SVG: its texts are escaped, and a chart carries no script. */}
        <ScrollRegionHtml
          className="scroll chart"
          label="แผนภูมิคะแนนรายตัวชี้วัด เลื่อนดูด้านข้างได้"
          html={cachedChartSvg(chartOf(result, hasPrevious))}
        />
        <figcaption>แผนภูมิคะแนนรายตัวชี้วัด ตัวเลขเดียวกันอยู่ในตารางด้านล่าง</figcaption>
      </figure>
      <ScrollRegion labelledBy="scores">
        <table>
          <caption id="scores">
            คะแนนรายตัวชี้วัด ปีงบประมาณ {result.fiscalYear}
            {hasPrevious && previous ? ` เทียบกับปี ${previous.fiscalYear}` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">ที่</th>
              <th scope="col">ตัวชี้วัด</th>
              <th scope="col">ปี {result.fiscalYear}</th>
              {hasPrevious && previous ? <th scope="col">ปี {previous.fiscalYear}</th> : null}
            </tr>
          </thead>
          <tbody>
            {result.indicators.map((indicator) => (
              <tr key={indicator.number}>
                <td className="n">{indicator.number}</td>
                <th scope="row">
                  {indicator.name.th}
                  {indicator.tool ? <span className="muted"> ({indicator.tool})</span> : null}
                </th>
                <td className="n">{score(indicator.score)}</td>
                {hasPrevious ? <td className="n">{score(indicator.previous)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function chartOf(result: Result, hasPrevious: boolean): IndicatorChart {
  const series: IndicatorChart["series"] = [];
  if (hasPrevious && result.previous)
    series.push({
      name: `ปีงบประมาณ ${result.previous.fiscalYear}`,
      values: result.indicators.map((i) => i.previous),
    });
  series.push({
    name: `ปีงบประมาณ ${result.fiscalYear}`,
    values: result.indicators.map((i) => i.score),
  });
  return {
    kind: "indicator-bars",
    title: `คะแนนรายตัวชี้วัด ITA ปีงบประมาณ ${result.fiscalYear}`,
    categories: result.indicators.map((i) => `${i.number} ${i.name.th}`),
    series,
    marks:
      result.passMark === null
        ? []
        : [{ value: result.passMark, label: `เกณฑ์ผ่าน ${result.passMark}` }],
    digits: "arabic",
  };
}
