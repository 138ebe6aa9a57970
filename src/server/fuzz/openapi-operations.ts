import type { FastifyInstance } from "fastify";
import type { JsonSchema } from "./json-schema-arbitrary.ts";

// The API's own OpenAPI document is the list of what to exercise: a route it does not describe is
// a route nobody can call correctly, so tests read the routes from it.

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/agencies/{agencyId}. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  jsonBody: JsonSchema | undefined;
  multipart: boolean;
}

interface OpenApiParameter {
  in: string;
  name: string;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function listOperations(app: FastifyInstance): Promise<Operation[]> {
  const spec = (await app.inject({ url: "/api/openapi.json" })).json() as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ""),
      query: (op.parameters ?? [])
        .filter((p) => p.in === "query")
        .map((p) => ({ name: p.name, schema: p.schema })),
      jsonBody: op.requestBody?.content?.["application/json"]?.schema,
      multipart: op.requestBody?.content?.["multipart/form-data"] !== undefined,
    })),
  );
}
