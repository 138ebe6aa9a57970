import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";
import { frameworkSchema } from "../src/domain/framework/schema.ts";

// Writes frameworks/framework.schema.json so editors validate the framework files as you type.
// Usage: node --import tsx scripts/framework-json-schema.ts

const target = fileURLToPath(new URL("../frameworks/framework.schema.json", import.meta.url));

/** JSON Schema of a framework file as written by hand (defaults make some fields optional). */
export function frameworkJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frameworkSchema, { io: "input", target: "draft-2020-12" }),
    title: "ITA framework (one fiscal year)",
    description:
      "Cross-references (known tools, scales, unique ids, ordered levels) are checked when the framework is loaded.",
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(target, `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${target}`);
}
