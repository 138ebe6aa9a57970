import { describe, expect, it } from "vitest";
import { DomainError } from "../../domain/errors.ts";
import { CHROMIUM_CANDIDATES, findChromium } from "./find-chromium.ts";

describe("findChromium", () => {
  it("finds the system Chromium (install Debian's chromium package if this fails)", () => {
    expect(CHROMIUM_CANDIDATES).toContain(findChromium());
  });

  it("takes an explicit path that exists", () => {
    expect(findChromium(process.execPath)).toBe(process.execPath);
  });

  it("explains in Thai and English how to install it when it is missing", () => {
    let error: unknown;
    try {
      findChromium("/nonexistent/chromium");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.code).toBe("DEPENDENCY_MISSING");
    expect(domainError.message).toContain("/nonexistent/chromium");
    expect(domainError.message).toContain("chromium");
    expect(domainError.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(domainError.userMessage).toContain("ติดตั้งแพ็กเกจ chromium");
  });
});
