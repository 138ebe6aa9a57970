import fc, { type Arbitrary } from "fast-check";

// Values shaped by an OpenAPI (JSON Schema) body schema, so a fuzzer gets past the first type check
// and reaches the handlers, plus the nastier strings real users and attackers send.

export interface JsonSchema {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
}

const nasty = fc.constantFrom(
  "",
  " ",
  "\u0000",
  "ก".repeat(5000),
  "'; drop table agencies; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "๑๒๓",
  "2566-02-30",
  "9999-99-99",
  "1e309",
  "NaN",
  "💥",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "javascript:alert(1)",
  "http://127.0.0.1/",
);

function stringOf(schema: JsonSchema): Arbitrary<string> {
  switch (schema.format) {
    case "uuid":
      return fc.oneof(fc.uuid(), nasty);
    case "uri":
      return fc.oneof(fc.webUrl(), nasty);
    case "email":
      return fc.oneof(fc.emailAddress(), nasty);
    case "date":
      return fc.oneof(
        fc
          .date({ min: new Date("1900-01-01"), max: new Date("2200-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        nasty,
      );
    case "date-time":
      return fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        nasty,
      );
  }
  if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$")
    return fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 1900, max: 2700 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
      nasty,
    );
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 40),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "สำนักปลัดเทศบาล",
        "กองคลัง",
        "กองช่าง",
        "1",
        "o1",
        "six_month",
        "pdf",
      ),
    },
    { weight: 1, arbitrary: nasty },
  );
}

function numberOf(schema: JsonSchema, integer: boolean): Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000;
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true });
  const edges = fc.constantFrom(
    min - 1,
    max + 1,
    0,
    -1,
    2 ** 31,
    Number.MAX_SAFE_INTEGER,
    0.5,
    1e308,
  );
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: edges });
}

/** An arbitrary that mostly respects the schema and sometimes steps just outside it. */
export function fromSchema(schema: JsonSchema | undefined, depth = 0): Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const base = shaped(schema, depth);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function shaped(schema: JsonSchema, depth: number): Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum)
    return fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: nasty },
    );
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringOf(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fromSchema(schema.items, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, 3),
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "object":
      return objectOf(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectOf(schema: JsonSchema, depth: number): Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const keys = Object.keys(properties);
  if (keys.length === 0)
    return fc.dictionary(
      fc.oneof(fc.constantFrom("1", "2", "9", "10", "o1", "o43"), fc.string({ maxLength: 6 })),
      fromSchema(
        typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined,
        depth + 1,
      ),
      { maxKeys: 5 },
    );
  const record = Object.fromEntries(keys.map((k) => [k, fromSchema(properties[k], depth + 1)]));
  return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
}

/** A value broken in one of the ways clients break them: wrong type, missing or unknown key. */
export function mutated(value: unknown): Arbitrary<unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return fc.oneof(fc.jsonValue({ maxDepth: 2 }), nasty, fc.constant([value]));
  const keys = Object.keys(value);
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 1 }), nasty, fc.constant({}), fc.constant([]));
  return fc.oneof(
    keys.length === 0
      ? fc.constant({ ...value, unexpected: true })
      : fc.constantFrom(...keys).chain((k) =>
          fc.oneof(
            fc.constant(Object.fromEntries(Object.entries(value).filter(([key]) => key !== k))),
            wrong.map((w) => ({ ...value, [k]: w })),
          ),
        ),
    fc.constant({ ...value, unexpected: "field" }),
    fc.constant({ ...value, __proto__: { admin: true }, constructor: { prototype: {} } }),
  );
}
