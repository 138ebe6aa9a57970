import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

/** The OpenAPI document is generated from the routes' Zod schemas: one source for checks and docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Prongsai (โปร่งใส) API",
        description: "การประเมินคุณธรรมและความโปร่งใส (ITA) / Integrity and Transparency Assessment",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page sets its own content-security policy, compatible with the security headers.
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
