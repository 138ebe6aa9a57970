import { describe, expect, it } from "vitest";
import { resources } from "./resources.ts";

function flatten(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [key, child] of Object.entries(value))
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

describe("the admin app's message files", () => {
  const thai = flatten(resources.th.translation);
  const english = flatten(resources.en.translation);

  it("have the same keys in Thai and English", () => {
    expect([...english.keys()].sort()).toEqual([...thai.keys()].sort());
  });

  it("have no empty message, Thai text in the Thai file and the same placeholders in both", () => {
    for (const [key, text] of thai) {
      expect(text.trim(), key).not.toBe("");
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(english.get(key) ?? ""), key).toEqual(placeholders(text));
    }
    const thaiScript = [...thai.values()].filter((t) => /[\u0E00-\u0E7F]/.test(t));
    // A few are brand or language names (e.g. "English"); everything else is Thai.
    expect(thaiScript.length).toBeGreaterThan(thai.size * 0.9);
  });
});
