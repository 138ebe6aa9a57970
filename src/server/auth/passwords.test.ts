import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords.ts";

describe("passwords", () => {
  it("stores argon2id hashes that verify only the right password", async () => {
    const stored = await hashPassword("รหัสผ่าน-ที่ยาวพอ-2566");
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, "รหัสผ่าน-ที่ยาวพอ-2566")).toBe(true);
    expect(await verifyPassword(stored, "รหัสผ่านผิด")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});
