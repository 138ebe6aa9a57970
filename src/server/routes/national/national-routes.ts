import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { loadContent } from "../../../domain/content/load-content.ts";
import {
  loadNationalReference,
  type NationalReference,
} from "../../../domain/content/national-reference.ts";
import type { MasterPlan } from "../../../domain/content/schema.ts";
import {
  type NationalOverview,
  nationalOverviewResponse,
  nationalQueryWith,
} from "../../../shared/national.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowedSomewhere } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { getNationalOverview } from "../../services/get-national-overview.ts";
import { nationalFiguresVersion } from "../../services/national-overview-query.ts";
import { versionedCache } from "../../services/versioned-cache.ts";

/** The national view across every agency: national administrators and auditors (national.read). */
export function nationalRoutes({ database, frameworks }: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const reference: NationalReference = loadNationalReference();
    const target: MasterPlan["target"] = loadContent().national.masterPlan.target;
    // The figures change only when results or agencies do, while many offices read them.
    const overviews = versionedCache<NationalOverview>(64);
    app.get(
      "/api/national/overview",
      {
        // Signed in at the gate; the handler lets through only roles holding national.read.
        config: { access: "signed-in" },
        schema: {
          tags: ["national"],
          summary: "ภาพรวมระดับประเทศ / how every agency did in a fiscal year",
          querystring: nationalQueryWith({
            regions: reference.regions.map((r) => r.id),
            provinces: reference.provinces.map((p) => p.th),
            types: reference.types.map((t) => t.th),
          }),
          response: { 200: nationalOverviewResponse },
        },
      },
      async (request) => {
        assertAllowedSomewhere(requireActor(request), "national.read");
        const version = await nationalFiguresVersion(database.db);
        return overviews.get(JSON.stringify(request.query), version, () =>
          getNationalOverview({
            db: database.db,
            query: request.query,
            target,
            reference,
            frameworks,
          }),
        );
      },
    );
  };
}
