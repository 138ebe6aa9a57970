import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sarabunFileName, sarabunWebFaces } from "../../../documents/fonts/sarabun-fonts.ts";
import { DomainError } from "../../../domain/errors.ts";
import type { AppContext } from "../../app.ts";

// Sarabun for the server-rendered pages. Only the package's own files, by exact name: a request
// can never name a path. Stylesheets add the package version to the address, so the cache may
// keep a file forever.

const fontParams = z.object({ file: z.string().max(100) });
const fontFile = z.instanceof(Buffer).meta({ type: "string", format: "binary" });

export function fontRoutes(_context: AppContext): FastifyPluginAsyncZod {
  let files: Map<string, Buffer> | undefined;
  const fontFiles = () =>
    (files ??= new Map(
      sarabunWebFaces().map((face) => [sarabunFileName(face.subset, face.weight), face.woff2]),
    ));
  return async (app) => {
    app.get(
      "/fonts/:file",
      {
        config: { access: "public" },
        schema: {
          tags: ["public"],
          params: fontParams,
          response: {
            200: {
              description: "a WOFF2 font file",
              content: { "font/woff2": { schema: fontFile } },
            },
          },
        },
      },
      async (request, reply) => {
        const bytes = fontFiles().get(request.params.file);
        if (!bytes)
          throw new DomainError("INPUT_NOT_FOUND", `no font ${request.params.file}`, {
            userMessage: "ไม่พบไฟล์แบบอักษรนี้",
          });
        return reply
          .type("font/woff2")
          .header("cache-control", "public, max-age=31536000, immutable")
          .send(bytes);
      },
    );
  };
}
