import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { jsonSchemas } from "./json-schemas.ts";

it("ships JSON Schema files in step with the Zod schemas", () => {
  const schemas = jsonSchemas();
  expect(schemas.size).toBe(3);
  for (const [path, schema] of schemas)
    expect(JSON.parse(readFileSync(path, "utf8")), path).toEqual(schema);
});
