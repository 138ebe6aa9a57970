import { describe, expect, it } from "vitest";
import { sarabunSfntFaces, sarabunWebFaces } from "./sarabun-fonts.ts";
import { woffToSfnt } from "./woff-to-sfnt.ts";

function tableTags(font: Buffer): string[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => font.toString("latin1", 12 + i * 16, 16 + i * 16));
}

describe("Sarabun faces", () => {
  it("has regular and bold, Thai and Latin, as WOFF2 for the web", () => {
    const faces = sarabunWebFaces();
    expect(faces.map((face) => `${face.subset}-${face.weight}`).sort()).toEqual([
      "latin-400",
      "latin-700",
      "thai-400",
      "thai-700",
    ]);
    for (const face of faces) expect(face.woff2.toString("latin1", 0, 4)).toBe("wOF2");
    expect(sarabunWebFaces()).toBe(faces);
  });

  it("rebuilds TrueType fonts with their tables from WOFF", () => {
    for (const face of sarabunSfntFaces()) {
      expect(face.data.readUInt32BE(0)).toBe(0x00010000);
      expect(tableTags(face.data)).toEqual(
        expect.arrayContaining(["cmap", "glyf", "head", "name"]),
      );
      const lastTable = 12 + (tableTags(face.data).length - 1) * 16;
      const end = face.data.readUInt32BE(lastTable + 8) + face.data.readUInt32BE(lastTable + 12);
      expect(end).toBeLessThanOrEqual(face.data.length);
    }
  });

  it("rejects data that is not WOFF", () => {
    expect(() => woffToSfnt(Buffer.from("not a font at all, not at all, not at all!!!"))).toThrow(
      /WOFF/,
    );
  });
});
