import type { z } from "zod";
import { addIssue, repeatedIndexes } from "../validation.ts";
import type { frameworkSchema } from "./schema.ts";

type FrameworkShape = z.output<typeof frameworkSchema>;
type Add = (path: (string | number)[], en: string, th: string) => void;

/** Rules between parts of a framework, checked once its shape is valid; every break is reported. */
export function checkCrossReferences(f: FrameworkShape, ctx: z.core.$RefinementCtx<unknown>): void {
  const add: Add = (path, en, th) => addIssue(ctx, path, en, th);
  checkTools(f, add);
  checkQuestionsAndItems(f, add);
  checkBands(f, add);
  f.windows.forEach((w, i) => {
    if (w.end < w.start)
      add(["windows", i, "end"], "the window ends before it starts", "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น");
  });
  for (const i of repeatedIndexes(f.windows.map((w) => w.id)))
    add(["windows", i, "id"], "duplicate window id", "รหัสช่วงเวลาซ้ำ");
  if (!f.windows.some((w) => w.id === f.surveys.window))
    add(
      ["surveys", "window"],
      `unknown window ${f.surveys.window}`,
      `ไม่รู้จักช่วงเวลา ${f.surveys.window}`,
    );
  for (const tool of Object.keys(f.surveys.access))
    if (!f.tools.some((x) => x.id === tool && x.kind === "survey"))
      add(["surveys", "access", tool], `${tool} is not a survey tool`, `${tool} ไม่ใช่แบบวัด`);
  checkPrevious(f, add);
  const t = f.analysis.thresholds;
  if (t.urgent > t.weakness)
    add(
      ["analysis", "thresholds", "urgent"],
      "the urgent threshold must not exceed the weakness threshold",
      "เกณฑ์เร่งด่วนต้องไม่สูงกว่าเกณฑ์จุดอ่อน",
    );
}

function checkTools(f: FrameworkShape, add: Add): void {
  const toolIds = new Set(f.tools.map((t) => t.id));
  const weightSum = f.tools.reduce((s, t) => s + t.weight, 0);
  if (Math.abs(weightSum - 1) > 1e-9)
    add(
      ["tools"],
      `tool weights sum to ${weightSum}, not 1`,
      `น้ำหนักของเครื่องมือรวมกันได้ ${weightSum} แต่ต้องรวมเป็น 1`,
    );
  f.indicators.forEach((ind, i) => {
    if (!toolIds.has(ind.tool))
      add(["indicators", i, "tool"], `unknown tool ${ind.tool}`, `ไม่รู้จักเครื่องมือ ${ind.tool}`);
  });
  for (const i of repeatedIndexes(f.indicators.map((ind) => ind.number)))
    add(["indicators", i, "number"], "duplicate indicator number", "หมายเลขตัวชี้วัดซ้ำ");
  for (const tool of f.tools)
    if (!f.indicators.some((ind) => ind.tool === tool.id))
      add(["tools"], `tool ${tool.id} has no indicator`, `เครื่องมือ ${tool.id} ไม่มีตัวชี้วัด`);
  const surveys = new Set(f.tools.filter((t) => t.kind === "survey").map((t) => t.id));
  f.sampleSize.forEach((rule, i) => {
    if (!toolIds.has(rule.tool))
      add(["sampleSize", i, "tool"], `unknown tool ${rule.tool}`, `ไม่รู้จักเครื่องมือ ${rule.tool}`);
    else if (!surveys.has(rule.tool))
      add(
        ["sampleSize", i, "tool"],
        `tool ${rule.tool} is not a survey, so it has no sample size`,
        `เครื่องมือ ${rule.tool} ไม่ใช่แบบวัด จึงไม่มีขนาดตัวอย่าง`,
      );
  });
}

function checkQuestionsAndItems(f: FrameworkShape, add: Add): void {
  const kindOf = (n: number) => {
    const ind = f.indicators.find((x) => x.number === n);
    return f.tools.find((t) => t.id === ind?.tool)?.kind;
  };
  const scaleIds = new Set(f.scales.map((s) => s.id));
  // Question, sub-item and OIT item ids share one namespace: answers and verdicts are keyed by them.
  const ids = new Set<string>();
  const claim = (path: (string | number)[], id: string) => {
    if (ids.has(id.toLowerCase())) add(path, `duplicate id ${id}`, `รหัส ${id} ซ้ำ`);
    ids.add(id.toLowerCase());
  };
  f.questions.forEach((q, i) => {
    if (kindOf(q.indicator) !== "survey")
      add(
        ["questions", i, "indicator"],
        `indicator ${q.indicator} is not a survey indicator`,
        `ตัวชี้วัดที่ ${q.indicator} ไม่ใช่ตัวชี้วัดของแบบวัด`,
      );
    if (!scaleIds.has(q.scale))
      add(["questions", i, "scale"], `unknown scale ${q.scale}`, `ไม่รู้จักมาตรวัดคำตอบ ${q.scale}`);
    claim(["questions", i, "id"], q.id);
    for (const [j, sub] of q.subItems.entries())
      claim(["questions", i, "subItems", j, "id"], sub.id);
  });
  const topics = new Map<string, string>();
  f.oit.forEach((sub, i) => {
    if (kindOf(sub.indicator) !== "checklist")
      add(
        ["oit", i, "indicator"],
        `indicator ${sub.indicator} is not a checklist indicator`,
        `ตัวชี้วัดที่ ${sub.indicator} ไม่ใช่ตัวชี้วัดของแบบตรวจ`,
      );
    if (sub.id.split(".")[0] !== String(sub.indicator))
      add(
        ["oit", i, "id"],
        `sub-indicator ${sub.id} must start with its indicator number ${sub.indicator}`,
        `รหัสตัวชี้วัดย่อย ${sub.id} ต้องขึ้นต้นด้วยหมายเลขตัวชี้วัด ${sub.indicator}`,
      );
    sub.items.forEach((item, j) => {
      claim(["oit", i, "items", j, "id"], item.id);
      const first = topics.get(item.topic);
      if (first)
        add(
          ["oit", i, "items", j, "topic"],
          `topic ${item.topic} repeats ${first}; topics must be unique within a year`,
          `หัวข้อ ${item.topic} ซ้ำกับ ${first} หัวข้อต้องไม่ซ้ำกันภายในปีเดียวกัน`,
        );
      else topics.set(item.topic, item.id);
    });
  });
  f.indicators.forEach((ind, i) => {
    const hasContent =
      kindOf(ind.number) === "survey"
        ? f.questions.some((q) => q.indicator === ind.number)
        : f.oit.some((s) => s.indicator === ind.number);
    if (!hasContent)
      add(
        ["indicators", i],
        `indicator ${ind.number} has no questions or items`,
        `ตัวชี้วัดที่ ${ind.number} ไม่มีข้อคำถามหรือข้อตรวจ`,
      );
  });
}

// The mapping names items of this list; which items the earlier list had is checked at import.
function checkPrevious(f: FrameworkShape, add: Add): void {
  if (!f.previous) return;
  if (f.previous.framework === f.id)
    add(
      ["previous", "framework"],
      "a framework cannot map from itself",
      "กรอบการประเมินอ้างถึงตัวเองเป็นกรอบก่อนหน้าไม่ได้",
    );
  const ids = new Set(f.oit.flatMap((s) => s.items.map((item) => item.id.toLowerCase())));
  for (const [from, to] of Object.entries(f.previous.oitItems))
    if (to !== null && !ids.has(to.toLowerCase()))
      add(
        ["previous", "oitItems", from],
        `${from} maps to ${to}, which is not an OIT item of this framework`,
        `ข้อ ${from} จับคู่กับ ${to} ซึ่งไม่ใช่ข้อ OIT ของกรอบนี้`,
      );
}

function checkBands(f: FrameworkShape, add: Add): void {
  f.levels.forEach((level, i) => {
    const previous = f.levels[i - 1];
    if (previous && level.min >= previous.min)
      add(
        ["levels", i, "min"],
        "levels must be ordered from the highest minimum down",
        "ระดับผลการประเมินต้องเรียงจากคะแนนขั้นต่ำสูงสุดลงมา",
      );
  });
  if (f.levels.at(-1)?.min !== 0)
    add(["levels"], "the last level must start at 0", "ระดับสุดท้ายต้องเริ่มที่ 0");
  const bands = f.rating?.bands ?? [];
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (previous && band.minOverall > previous.minOverall)
      add(
        ["rating", "bands", i, "minOverall"],
        "rating bands must be ordered from the highest minimum down",
        "ผลการประเมินต้องเรียงจากเกณฑ์สูงสุดลงมา",
      );
  });
  for (const i of repeatedIndexes(bands.map((b) => b.id)))
    add(["rating", "bands", i, "id"], "duplicate rating band id", "รหัสผลการประเมินซ้ำ");
  if (f.rating && bands.at(-1)?.minOverall !== 0)
    add(
      ["rating", "bands"],
      "the last rating band must start at 0",
      "ผลการประเมินช่วงสุดท้ายต้องเริ่มที่ 0",
    );
}
