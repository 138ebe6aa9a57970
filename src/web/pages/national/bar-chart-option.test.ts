import { describe, expect, it } from "vitest";
import { buildBarChartOption } from "./bar-chart-option.ts";

describe("buildBarChartOption", () => {
  const base = {
    categories: ["ก", "ข"],
    values: [80, null],
    colours: ["#111111", "#222222"],
    format: (value: number) => value.toFixed(2),
    narrow: false,
  };

  it("lays indicator means out as bars on a 0–100 axis with the pass mark as a line", () => {
    const option = buildBarChartOption({
      ...base,
      horizontal: true,
      scores: true,
      line: { value: 85, label: "เกณฑ์ 85" },
    });
    expect(option.xAxis).toMatchObject({ type: "value", min: 0, max: 100 });
    expect(option.yAxis).toMatchObject({ type: "category", data: ["ก", "ข"], inverse: true });
    const [series] = option.series as { data: { value: unknown }[]; markLine: unknown }[];
    // A missing mean is a gap, not a zero.
    expect(series?.data.map((d) => d.value)).toEqual([80, "-"]);
    expect(series?.markLine).toMatchObject({ data: [{ xAxis: 85 }] });
  });

  it("draws counts as columns on an axis of whole numbers, without a line", () => {
    const option = buildBarChartOption({ ...base, horizontal: false, scores: false });
    expect(option.xAxis).toMatchObject({ type: "category" });
    expect(option.yAxis).toMatchObject({ type: "value", minInterval: 1 });
    expect((option.series as object[])[0]).not.toHaveProperty("markLine");
  });
});
