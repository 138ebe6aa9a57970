import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Where `vite build` puts the admin app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../../../dist/web", import.meta.url));

/** Answers a request the routes did not claim, or returns false to let the JSON 404 answer. */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

// Hashed file names never change content, so browsers may keep them for a year.
const immutable = "public, max-age=31536000, immutable";

/**
 * Serves the built admin app: its hashed assets, and index.html for any other page address so
 * the browser's router can take over. API and public-page addresses keep their own 404s.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webDir: string,
): Promise<NotFoundFallback | undefined> {
  if (!existsSync(join(webDir, "index.html"))) {
    app.log.warn(
      { webDir },
      "ยังไม่ได้สร้างหน้าเว็บผู้ดูแล (npm run build:web) / the admin app is not built",
    );
    return undefined;
  }
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  return (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    const path = request.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/") || path.startsWith("/p/")) return false;
    const asset = /^\/assets\/[\w.-]+$/.test(path) ? path.slice(1) : undefined;
    if (asset && existsSync(join(webDir, asset))) {
      void reply.header("cache-control", immutable).sendFile(asset, { cacheControl: false });
      return true;
    }
    if (asset || !(request.headers.accept ?? "").includes("text/html")) return false;
    void reply.header("cache-control", "no-cache").sendFile("index.html", { cacheControl: false });
    return true;
  };
}
