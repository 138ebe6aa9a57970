import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { agencyParams } from "../../../shared/agency.ts";
import { auditPage, auditQuery, auditVerification } from "../../../shared/audit.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { listAuditEntries } from "../../services/list-audit-entries.ts";
import { verifyAgencyAudit } from "../../services/verify-agency-audit.ts";

const tags = ["audit"];

export function auditRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/agencies/:agencyId/audit",
      {
        schema: {
          tags,
          summary: "บันทึกการเปลี่ยนแปลงของหน่วยงาน / the agency's audit trail, newest first",
          description:
            "Pages by sequence number: pass `nextBefore` as `before`. With `fiscalYear`, only entries about that year's assessment: the assessment and its result, entries whose before or after names it (documents, progress reports, measures), and entries about those measures and their files, deleted ones included.",
          params: agencyParams,
          querystring: auditQuery,
          response: { 200: auditPage },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "audit.read", request.params);
        return listAuditEntries({ db, ...request.params, ...request.query });
      },
    );
    app.get(
      "/api/agencies/:agencyId/audit/verify",
      {
        schema: {
          tags,
          summary: "ตรวจว่าบันทึกไม่ถูกแก้ไขหรือลบ / whether the agency's hash chain is intact",
          params: agencyParams,
          response: { 200: auditVerification },
        },
      },
      async (request) => {
        assertAllowed(requireActor(request), "audit.read", request.params);
        return verifyAgencyAudit({ db, ...request.params });
      },
    );
  };
}
