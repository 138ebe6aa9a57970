import { describe, expect, it } from "vitest";
import { bulkDocumentFileName } from "./bulk-file-name.ts";

const id = "0b7d6f0e-8a51-4c1e-9a53-2f1d1c0f4b11";

describe("bulkDocumentFileName", () => {
  it("names the document by the agency in Thai, the year and the id", () => {
    expect(bulkDocumentFileName("เทศบาลตำบลห้วยสัก", 2568, id)).toBe(
      `มาตรการ-เทศบาลตำบลห้วยสัก-2568-${id}.docx`,
    );
  });

  it("turns separators, reserved characters and spaces into single dashes", () => {
    expect(bulkDocumentFileName(' ../อบต. บ้าน/ใหม่: "ก"\n', 2568, id)).toBe(
      `มาตรการ-อบต.-บ้าน-ใหม่-ก-2568-${id}.docx`,
    );
  });

  it("cuts a very long name between whole characters and stays under 255 bytes", () => {
    const name = bulkDocumentFileName("องค์การบริหารส่วนตำบล".repeat(20), 2568, id);
    expect(Buffer.byteLength(name)).toBeLessThan(250);
    expect(name.endsWith(`-2568-${id}.docx`)).toBe(true);
    // No Thai mark is left without the consonant it sits on.
    expect(name.normalize("NFC")).toBe(name);
    expect(/-[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u.test(name)).toBe(false);
  });

  it("still gives a usable name when the agency's name has nothing printable", () => {
    expect(bulkDocumentFileName("///", 2568, id)).toBe(`มาตรการ-2568-${id}.docx`);
  });
});
