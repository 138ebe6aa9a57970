// JSON laid out as the project's formatter lays it out, so a written framework file passes lint:
// objects one key per line, arrays of plain values on one line when they fit.

const WIDTH = 100;

// Thai vowel and tone marks sit on their letter and take no column of their own.
const width = (text: string) => [...text.replace(/\p{M}/gu, "")].length;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function formatJson(value: unknown): string {
  return `${layout(JSON.parse(JSON.stringify(value)) as Json, 0, 0)}\n`;
}

/** `used` is how many characters already stand on the line before the value, `after` after it. */
function layout(value: Json, indent: number, used: number, after = 0): string {
  const pad = "  ".repeat(indent + 1);
  const close = "  ".repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const plain = value.every((v) => v === null || typeof v !== "object");
    const inline = `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    if (plain && used + width(inline) + after <= WIDTH) return inline;
    const items = value.map(
      (v, i) => `${pad}${layout(v, indent + 1, pad.length, i < value.length - 1 ? 1 : 0)}`,
    );
    return `[\n${items.join(",\n")}\n${close}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, v], i) => {
      const head = `${pad}${JSON.stringify(key)}: `;
      return `${head}${layout(v, indent + 1, width(head), i < entries.length - 1 ? 1 : 0)}`;
    });
    return `{\n${lines.join(",\n")}\n${close}}`;
  }
  return JSON.stringify(value);
}
