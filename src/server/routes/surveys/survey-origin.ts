import type { FastifyRequest } from "fastify";

/** Where respondents reach the server: the configured public address, else the caller's own. */
export function surveyOrigin(publicUrl: string | undefined, request: FastifyRequest): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
