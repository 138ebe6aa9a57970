import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition.ts";

describe("attachmentDisposition", () => {
  it("gives the Thai name in RFC 5987 form beside an ASCII one", () => {
    const header = attachmentDisposition("มาตรการ-ห้วยสัก-2566-v1.pdf", "measures-2566-v1.pdf");
    expect(header).toBe(
      `attachment; filename="measures-2566-v1.pdf"; filename*=UTF-8''${encodeURIComponent("มาตรการ-ห้วยสัก-2566-v1.pdf")}`,
    );
    const encoded = header.split("''")[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("มาตรการ-ห้วยสัก-2566-v1.pdf");
  });

  it("keeps quotes, separators, controls and RFC 5987's reserved marks out of the header", () => {
    const header = attachmentDisposition(`a"b/c\\d\r\ne'(x)*.pdf`, `ก"x\n.pdf`);
    expect(header).toBe(
      `attachment; filename="_-x-.pdf"; filename*=UTF-8''a-b-c-d--e%27%28x%29%2A.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });

  it("says inline for a preview, with the same names", () => {
    expect(attachmentDisposition("มาตรการ.html", "measures.html", "inline")).toBe(
      `inline; filename="measures.html"; filename*=UTF-8''${encodeURIComponent("มาตรการ.html")}`,
    );
  });
});
