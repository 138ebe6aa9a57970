import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

// Public pages and data change when an agency edits them, so caches keep them only a minute; the
// ETag lets a returning reader revalidate without downloading the page again.

/** Scripts never run; styles and fonts come only from the page itself and this site. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Sends `body` with a public one-minute cache and its ETag, or 304 when the client has it. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string | Buffer,
  contentType: string,
): FastifyReply {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  reply
    .header("etag", etag)
    .header("cache-control", "public, max-age=60")
    .header("content-security-policy", PAGE_CSP);
  if (matches(request.headers["if-none-match"], etag)) return reply.status(304).send(null);
  return reply.type(contentType).send(body);
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}
