import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { agencyYearSchema } from "../src/domain/agency-year/schema.ts";

// Writes schemas/agency-year.schema.json so editors validate agency-year files as you type.
// Usage: node --import tsx scripts/agency-year-json-schema.ts

const target = fileURLToPath(new URL("../schemas/agency-year.schema.json", import.meta.url));

export function agencyYearJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(agencyYearSchema, { io: "input", target: "draft-2020-12" }),
    title: "Prongsai agency-year file",
    description:
      "Cross-field rules (framework, divisions, dates inside the fiscal year, official total) are checked by `prongsai validate`.",
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(target, `${JSON.stringify(agencyYearJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
