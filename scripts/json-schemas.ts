import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type ZodType, z } from "zod";
import { agencyYearSchema } from "../src/domain/agency-year/schema.ts";
import { oitItemsFileJsonSchema } from "../src/domain/framework/oit-items-input.ts";
import { frameworkSchema } from "../src/domain/framework/schema.ts";

// JSON Schemas of the hand-written files, generated from the Zod schemas, so editors validate
// them as you type. Usage: node --import tsx scripts/json-schemas.ts

const files: { path: string; schema: ZodType; title: string; description: string }[] = [
  {
    path: "../frameworks/framework.schema.json",
    schema: frameworkSchema,
    title: "ITA framework (one fiscal year)",
    description:
      "Cross-references (known tools, scales, unique ids, ordered levels) are checked when the framework is loaded.",
  },
  {
    path: "../schemas/agency-year.schema.json",
    schema: agencyYearSchema,
    title: "Prongsai agency-year file",
    description:
      "Cross-field rules (framework, divisions, dates inside the fiscal year, official total) are checked by `prongsai validate`.",
  },
  {
    path: "../schemas/oit-items.schema.json",
    schema: oitItemsFileJsonSchema,
    title: "Prongsai OIT item list (JSON form)",
    description:
      "A new fiscal year's OIT items with the previous list's ids they continue (docs/oit-items-format.md). Mapping rules are checked by `prongsai oit-items import`.",
  },
];

/** Each generated schema keyed by its file path. */
export function jsonSchemas(): Map<string, Record<string, unknown>> {
  return new Map(
    files.map(({ path, schema, title, description }) => [
      fileURLToPath(new URL(path, import.meta.url)),
      {
        ...z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }),
        title,
        description,
      },
    ]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [path, schema] of jsonSchemas()) {
    writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`wrote ${path}`);
  }
}
