import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { loadNationalReference } from "../../../domain/content/national-reference.ts";
import {
  loadPublishedEvidence,
  type PublishedEvidence,
} from "../../../domain/content/published-evidence.ts";
import { disclosurePage, disclosureQueryWith } from "../../../shared/disclosure.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowedSomewhere } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { listDisclosures } from "../../services/list-disclosures.ts";

/** Disclosure monitoring across agencies: national administrators and auditors (national.read). */
export function disclosureRoutes({ database, frameworks }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reference = loadNationalReference();
    let publishedEvidence: PublishedEvidence | undefined;
    app.get(
      "/api/national/disclosures",
      {
        // Signed in at the gate; the handler lets through only roles holding national.read.
        config: { access: "signed-in" },
        schema: {
          tags: ["national"],
          summary:
            "การเผยแพร่เอกสารมาตรการและรายงานความก้าวหน้าของแต่ละหน่วยงาน / each agency's disclosure of its measures and their progress",
          querystring: disclosureQueryWith({
            provinces: reference.provinces.map((p) => p.th),
            types: reference.types.map((t) => t.th),
          }),
          response: { 200: disclosurePage },
        },
      },
      async (request) => {
        assertAllowedSomewhere(requireActor(request), "national.read");
        publishedEvidence ??= loadPublishedEvidence();
        return listDisclosures({
          db: database.db,
          frameworks,
          publishedEvidence,
          query: request.query,
        });
      },
    );
  };
}
