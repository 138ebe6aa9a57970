import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DomainError } from "../../domain/errors.ts";
import { createDocumentPool } from "./document-pool.ts";

const example = () =>
  parse(readFileSync(new URL("../../../examples/huai-sak-2566.yaml", import.meta.url), "utf8"));
const renamed = (name: string) => {
  const raw = example();
  raw.agency.name = name;
  return raw;
};

describe("document pool", () => {
  const pool = createDocumentPool(2);
  afterAll(() => pool.close());

  it("builds many documents in parallel, each with its own data", async () => {
    const names = ["เทศบาลตำบลหนึ่ง", "เทศบาลตำบลสอง", "เทศบาลตำบลสาม", "เทศบาลตำบลสี่"];
    const outputs = await Promise.all(
      names.map((name) =>
        pool.render({
          raw: renamed(name),
          digits: "thai",
          formats: ["html", "docx"],
          wantModel: true,
        }),
      ),
    );
    outputs.forEach((out, i) => {
      expect(
        Buffer.from(out.files.docx ?? [])
          .subarray(0, 2)
          .toString("latin1"),
      ).toBe("PK");
      expect(Buffer.from(out.files.html ?? []).toString("utf8")).toContain(names[i]);
      expect(out.model?.meta.author).toBe(names[i]);
    });
  });

  it("fails a bad document with its own error and goes on with the rest", async () => {
    const bad = example();
    bad.agency.website = "not a url";
    const [failed, fine] = await Promise.allSettled([
      pool.render({ raw: bad, digits: "thai", formats: ["docx"], wantModel: false }),
      pool.render({ raw: example(), digits: "arabic", formats: ["html"], wantModel: false }),
    ]);
    expect(failed.status).toBe("rejected");
    const error = failed.status === "rejected" ? failed.reason : undefined;
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.map((d) => d.path)).toEqual(["agency.website"]);
    expect(
      fine.status === "fulfilled" && Buffer.from(fine.value.files.html ?? []).toString(),
    ).toContain("78.33");
  });
});
