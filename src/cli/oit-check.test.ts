import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFramework, loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { oitItems } from "../domain/framework/lookup.ts";
import { buildMunicipality, withOrigin } from "../evidence/test-municipality.ts";
import { type FixtureSite, startFixtureSite } from "../evidence/test-site.ts";

// The real `prongsai` bin against a fixture site served by this test.
const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));

function prongsai(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [bin, ...args], { timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const framework = getFramework("ita-2566", loadFrameworks());
let site: FixtureSite;
let dir: string;

beforeAll(async () => {
  const routes = await buildMunicipality({
    framework,
    variants: { O19: "old", O20: "broken", O21: "orphan", O22: "missing", O27: "unlinked" },
    pdf: () => Promise.reject(new Error("no PDF in this site")),
  });
  site = await startFixtureSite(routes);
  withOrigin(routes, site.url);
  dir = await mkdtemp(join(tmpdir(), "prongsai-oit-"));
});

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("prongsai oit-check", () => {
  it("prints one JSON object covering every OIT item of the framework", async () => {
    const evidence = join(dir, "evidence.yaml");
    await writeFile(evidence, `o27: ${site.url}ita/complaint-guideline.html\n`);
    const r = await prongsai([
      "oit-check",
      "--site",
      site.url,
      "--framework",
      "ita-2566",
      "--evidence",
      evidence,
      "--allow-private",
      "--json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    const json = JSON.parse(r.stdout) as {
      site: string;
      framework: string;
      items: { id: string; status: string; url: string | null; reason: string; reasonEn: string }[];
    };
    expect(json.site).toBe(site.url);
    expect(json.framework).toBe("ita-2566");
    expect(json.items.map((item) => item.id)).toEqual(oitItems(framework).map((item) => item.id));
    const status = Object.fromEntries(json.items.map((item) => [item.id, item.status]));
    expect(status).toMatchObject({
      O1: "pass",
      O19: "outdated",
      O20: "broken",
      O21: "orphan",
      O22: "missing",
      O27: "orphan",
    });
    expect(json.items.every((item) => /[\u0E00-\u0E7F]/.test(item.reason) && item.reasonEn)).toBe(
      true,
    );
  });

  it("prints a Thai table without --json", async () => {
    const r = await prongsai([
      "oit-check",
      "--site",
      site.url,
      "--framework",
      "ita-2566",
      "--allow-private",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("O19  ไม่เป็นปัจจุบัน (outdated)");
    expect(r.stdout).toMatch(/สรุป \/ Summary: ผ่าน \d+/);
  });

  it("refuses a local site without --allow-private, and lists every problem of an evidence file", async () => {
    const refused = await prongsai([
      "oit-check",
      "--site",
      site.url,
      "--framework",
      "ita-2566",
      "--json",
    ]);
    const items = (JSON.parse(refused.stdout) as { items: { status: string }[] }).items;
    expect(items.every((item) => item.status === "missing")).toBe(true);

    const evidence = join(dir, "bad.json");
    await writeFile(evidence, JSON.stringify({ O99: "https://a.go.th/", O1: ["ftp://x"], O2: 5 }));
    const bad = await prongsai([
      "oit-check",
      "--site",
      site.url,
      "--framework",
      "ita-2566",
      "--evidence",
      evidence,
      "--allow-private",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("ไฟล์หลักฐาน OIT ไม่ถูกต้อง");
    for (const path of ["O99", "O1.0", "O2"]) expect(bad.stderr).toContain(`• ${path}\n`);
    expect(bad.stdout).toBe("");
  });
});
