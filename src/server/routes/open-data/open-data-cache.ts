import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

// Open data changes only when a result does: the ETag is made from what the year's results
// are (their count and latest change) and what was asked, so a harvester or a reader that
// comes back revalidates without a download. Caches may keep a copy for five minutes.

export const OPEN_DATA_CACHE = "public, max-age=300";

/** A strong ETag of the parts that decide the response's content. */
export function openDataEtag(parts: unknown): string {
  return `"${createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 32)}"`;
}

/**
 * Sets the cache headers; true when the client already holds this version, after which the
 * caller answers 304 without reading any row.
 */
export function isFresh(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header("etag", etag).header("cache-control", OPEN_DATA_CACHE);
  const header = request.headers["if-none-match"];
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

/** Any site may read open data from a browser; the ETag and file name are readable too. */
export function allowAnyOrigin(app: FastifyInstance): void {
  app.addHook("onSend", async (_request, reply, payload) => {
    reply
      .header("access-control-allow-origin", "*")
      .header("access-control-expose-headers", "ETag, Content-Disposition")
      .header("cross-origin-resource-policy", "cross-origin");
    return payload;
  });
}
