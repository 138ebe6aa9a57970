import { describe, expect, it } from "vitest";
import { buildFixtureChart, FIXTURE_INDICATOR_NAMES } from "../test-fixtures.ts";
import { describeIndicatorChart, renderIndicatorChartSvg } from "./render-indicator-chart.ts";
import { textColumns, wrapLabel } from "./wrap-label.ts";

function visibleTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? "");
}

describe("renderIndicatorChartSvg", () => {
  const svg = renderIndicatorChartSvg(buildFixtureChart());

  it("is a standalone SVG with an accessible name and a Thai data summary", () => {
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`aria-label="${buildFixtureChart().title}"`);
    expect(svg).toContain(`<title>${buildFixtureChart().title}</title>`);
    for (const name of FIXTURE_INDICATOR_NAMES) expect(svg).toContain(name);
  });

  it("draws every category label, with no word split inside", () => {
    const drawn = visibleTexts(svg).join("").replaceAll(" ", "");
    for (const name of FIXTURE_INDICATOR_NAMES) {
      expect(drawn).toContain(name.replaceAll(" ", ""));
    }
  });

  it("labels bars, axis and guide line in Thai digits", () => {
    const texts = visibleTexts(svg);
    expect(texts).toContain("๗๘.๓๓");
    expect(texts).toContain("๑๐๐.๐๐");
    expect(texts).toContain("๑๐๐");
    expect(texts).toContain("๘๕");
    expect(texts).toContain("ผ่านเกณฑ์");
    expect(texts.join("")).not.toMatch(/[0-9]/);
  });

  it("shows a legend for two fiscal years and the dashed pass mark", () => {
    const texts = visibleTexts(svg);
    expect(texts).toContain("ปีงบประมาณ พ.ศ. ๒๕๖๕");
    expect(texts).toContain("ปีงบประมาณ พ.ศ. ๒๕๖๖");
    expect(svg).toMatch(/stroke-dasharray/);
  });

  it("uses Sarabun, distinct fills per year and no animation or hover styles", () => {
    expect(svg).toContain("font-family:Sarabun");
    expect(svg).toContain('fill="#b9d3ee"');
    expect(svg).toContain('fill="#1f4e8c"');
    expect(svg).not.toContain("<style");
    expect(svg).not.toContain("animation");
    expect(svg).not.toMatch(/class="zr\d/);
  });

  it("is the same for the same input", () => {
    expect(renderIndicatorChartSvg(buildFixtureChart())).toBe(svg);
  });

  it("prints Arabic digits when the chart asks for them, and no legend for one year", () => {
    const chart = buildFixtureChart();
    const single = renderIndicatorChartSvg({
      ...chart,
      digits: "arabic",
      series: chart.series.slice(1),
    });
    const texts = visibleTexts(single);
    expect(texts).toContain("78.33");
    expect(texts).not.toContain("ปีงบประมาณ พ.ศ. ๒๕๖๖");
  });

  it("escapes text that looks like markup", () => {
    const chart = buildFixtureChart();
    const unsafe = renderIndicatorChartSvg({
      ...chart,
      title: 'คะแนน <b>"ทดสอบ"</b> & อื่น ๆ $1 $&',
      categories: chart.categories.map((category, i) =>
        i === 0 ? "<script>x</script>" : category,
      ),
    });
    expect(unsafe).not.toContain("<script>");
    expect(unsafe).not.toContain("<b>");
    expect(unsafe).toContain("&lt;script&gt;");
    expect(unsafe).toContain(
      'aria-label="คะแนน &lt;b&gt;&quot;ทดสอบ&quot;&lt;/b&gt; &amp; อื่น ๆ $1 $&amp;"',
    );
  });

  it("says which year has no value", () => {
    expect(describeIndicatorChart(buildFixtureChart())).toContain(
      "๕ การแก้ไขปัญหาการทุจริต: ปีงบประมาณ พ.ศ. ๒๕๖๕ ๖๕.๑๐, ปีงบประมาณ พ.ศ. ๒๕๖๖ ไม่มีข้อมูล",
    );
  });
});

describe("wrapLabel", () => {
  it("breaks Thai between words and never before a vowel or tone mark", () => {
    const lines = wrapLabel("๔ การใช้ทรัพย์สินของราชการ", 7);
    expect(lines.join(" ")).toBe("๔ การใช้ ทรัพย์สิน ของ ราชการ");
    for (const line of lines) {
      expect(line).not.toMatch(/^\p{M}/u);
      expect(line.length).toBeGreaterThan(0);
    }
    expect(lines.length).toBeGreaterThan(1);
  });

  it("counts marks as taking no room", () => {
    expect(textColumns("ที่")).toBe(1);
    expect(wrapLabel("คะแนน", 20)).toEqual(["คะแนน"]);
  });
});
