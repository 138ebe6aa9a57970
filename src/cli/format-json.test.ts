import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { formatJson } from "./format-json.ts";

const dir = fileURLToPath(new URL("../../frameworks/", import.meta.url));

it("lays out JSON byte for byte as the shipped framework files are formatted", () => {
  const files = readdirSync(dir).filter((name) => /^ita-.+\.json$/.test(name));
  expect(files.length).toBeGreaterThan(0);
  for (const name of files) {
    const text = readFileSync(`${dir}${name}`, "utf8");
    expect(formatJson(JSON.parse(text)), name).toBe(text);
  }
});

it("keeps short arrays of plain values on one line and breaks long ones", () => {
  expect(formatJson({ a: [1, 2], b: [], c: {} })).toBe(
    '{\n  "a": [1, 2],\n  "b": [],\n  "c": {}\n}\n',
  );
  const long = Array.from({ length: 30 }, (_, i) => `item-${i}`);
  expect(formatJson({ long }).split("\n")).toHaveLength(long.length + 5);
});
