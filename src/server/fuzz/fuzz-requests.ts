import fc, { type Arbitrary } from "fast-check";
import type { InjectOptions } from "fastify";
import { fromSchema, mutated } from "./json-schema-arbitrary.ts";
import type { Operation } from "./openapi-operations.ts";

// Generated malformed (and sometimes well-formed) requests for one operation.

export interface Caller {
  name: string;
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
}

const brokenJson = fc.constantFrom("{", '{"a":', "null", "[]", '"x"', "", "{}}", "\u0000");

function bodyOf(op: Operation): Arbitrary<{ payload?: string | Buffer; contentType?: string }> {
  if (op.multipart)
    return fc.oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => ({
        payload: Buffer.from(bytes),
        contentType: "multipart/form-data; boundary=----x",
      })),
      fc
        .tuple(fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 200 }))
        .map(([name, bytes]) => ({
          payload: Buffer.concat([
            Buffer.from(
              `------x\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`,
            ),
            Buffer.from(bytes),
            Buffer.from("\r\n------x--\r\n"),
          ]),
          contentType: "multipart/form-data; boundary=----x",
        })),
      // A body cut with another boundary than the header announces.
      fc.uint8Array({ maxLength: 100 }).map((bytes) => ({
        payload: Buffer.concat([
          Buffer.from(
            '------x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n',
          ),
          Buffer.from(bytes),
          Buffer.from("\r\n------x--\r\n"),
        ]),
        contentType: "multipart/form-data; boundary=----y",
      })),
      fc.jsonValue().map((v) => ({ payload: JSON.stringify(v), contentType: "application/json" })),
    );
  const schema = op.jsonBody;
  const json = (arbitrary: Arbitrary<unknown>) =>
    arbitrary.map((v) => ({
      payload: JSON.stringify(v) ?? "null",
      contentType: "application/json",
    }));
  return fc.oneof(
    { weight: 4, arbitrary: json(fromSchema(schema)) },
    { weight: 3, arbitrary: json(fromSchema(schema).chain(mutated)) },
    { weight: 1, arbitrary: json(fc.jsonValue({ maxDepth: 3 })) },
    {
      weight: 1,
      arbitrary: brokenJson.map((payload) => ({ payload, contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc.string().map((payload) => ({ payload, contentType: "text/plain" })),
    },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

/** Requests for one operation: caller, path parameters from the pools, query and body. */
export function requestsFor(
  op: Operation,
  callers: Caller[],
  pools: Record<string, string[]>,
): Arbitrary<{ caller: Caller; options: InjectOptions }> {
  const params = op.pathParams.map((name) => {
    const pool = pools[name];
    if (!pool) throw new Error(`no test values for the path parameter {${name}} of ${op.path}`);
    return fc.constantFrom(...pool);
  });
  const query = fc.record(
    Object.fromEntries(
      op.query.map((q) => [
        q.name,
        fromSchema(q.schema).map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
      ]),
    ),
    { requiredKeys: [] },
  );
  return fc
    .record({
      caller: fc.constantFrom(...callers),
      params: fc.tuple(...params),
      query,
      body: bodyOf(op),
    })
    .map(({ caller, params: values, query: q, body }) => {
      let url = op.path;
      op.pathParams.forEach((name, i) => {
        url = url.replace(`{${name}}`, encodeURIComponent(values[i] ?? ""));
      });
      const search = new URLSearchParams(q as Record<string, string>).toString();
      const withBody = op.method !== "GET" && op.method !== "DELETE";
      return {
        caller,
        options: {
          method: op.method as InjectOptions["method"],
          url: search ? `${url}?${search}` : url,
          cookies: caller.cookies,
          headers: {
            ...caller.headers,
            ...(withBody && body.contentType ? { "content-type": body.contentType } : {}),
          },
          ...(withBody && body.payload !== undefined ? { payload: body.payload } : {}),
        },
      };
    });
}
