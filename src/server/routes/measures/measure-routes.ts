import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentParams,
  measureCreate,
  measureParams,
  measureResponse,
  measureUpdate,
} from "../../../shared/measure.ts";
import type { AppContext } from "../../app.ts";
import { assertAllowed, authorize, type Target } from "../../auth/authorize.ts";
import { requireActor } from "../../plugins/session.ts";
import { createMeasure } from "../../services/create-measure.ts";
import { deleteMeasure } from "../../services/delete-measure.ts";
import type { AssessmentScope } from "../../services/find-assessment-scope.ts";
import { getMeasure } from "../../services/get-measure.ts";
import { listMeasures } from "../../services/list-measures.ts";
import { type MeasureRow, toMeasureResponse } from "../../services/measure-rows.ts";
import { createMeasureWrites } from "../../services/measure-writes.ts";
import { RecentMeasures } from "../../services/recent-measures.ts";
import {
  type UpdatedMeasure,
  updateMeasure,
  updateRememberedMeasure,
} from "../../services/update-measure.ts";

const base = "/api/agencies/:agencyId/assessments/:assessmentId/measures";
const tags = ["measures"];

// Measures changed by this process that it keeps as they were left (see RecentMeasures).
const REMEMBERED_MEASURES = 5_000;

const writeTarget = ({ measure }: { measure: MeasureRow }) => ({
  agencyId: measure.agencyId,
  divisions: measure.responsible,
});

export function measureRoutes({ database, frameworks }: AppContext): FastifyPluginAsyncZod {
  const { db } = database;
  const recent = new RecentMeasures(REMEMBERED_MEASURES);
  // Two batches per process on PostgreSQL: one gathers while one commits (as the survey intake).
  const writes = createMeasureWrites({ db, concurrency: database.kind === "postgres" ? 2 : 1 });
  const kept = (done: UpdatedMeasure, scope: AssessmentScope) => {
    recent.remember(done.row, scope);
    return done.response;
  };
  return async (app) => {
    app.get(
      base,
      { schema: { tags, params: assessmentParams, response: { 200: z.array(measureResponse) } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return listMeasures({ db, ...request.params });
      },
    );
    app.post(
      base,
      {
        schema: {
          tags,
          params: assessmentParams,
          body: measureCreate,
          response: { 201: measureResponse },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const { agencyId } = request.params;
        // Officers may add a measure only when their own division is among those responsible.
        assertAllowed(actor, "measure.write", { agencyId, divisions: request.body.responsible });
        const created = await createMeasure({
          db,
          frameworks,
          ...request.params,
          actor: actor.userId,
          input: request.body,
        });
        return reply.status(201).send(created);
      },
    );
    app.get(
      `${base}/:measureId`,
      { schema: { tags, params: measureParams, response: { 200: measureResponse } } },
      async (request) => {
        assertAllowed(requireActor(request), "measure.read", request.params);
        return toMeasureResponse((await getMeasure({ db, ...request.params })).measure);
      },
    );
    app.patch(
      `${base}/:measureId`,
      {
        schema: {
          tags,
          params: measureParams,
          body: measureUpdate,
          response: { 200: measureResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { agencyId } = request.params;
        assertAllowed(actor, "measure.read", { agencyId });
        const { responsible } = request.body;
        const handedTo = responsible && { agencyId, divisions: responsible };
        const change = { db, writes, frameworks, changes: request.body, actor: actor.userId };
        // The measure as this process last left it, if the client sends that version: no read.
        const known = recent.get(request.params, request.body.version);
        const mayWrite = (target: Target | undefined) =>
          !target || authorize(actor, "measure.write", target).allowed;
        if (known && mayWrite(writeTarget(known)) && mayWrite(handedTo)) {
          // Any refusal on what was remembered is decided again on a fresh read below.
          const done = await updateRememberedMeasure({ ...change, current: known }).catch(
            () => undefined,
          );
          if (done) return kept(done, known.scope);
        }
        const current = await getMeasure({ db, ...request.params });
        // The measure as it is, and as it would be: an officer cannot take over or hand away another's.
        assertAllowed(actor, "measure.write", writeTarget(current));
        if (handedTo) assertAllowed(actor, "measure.write", handedTo);
        return kept(await updateMeasure({ ...change, current }), current.scope);
      },
    );
    app.delete(
      `${base}/:measureId`,
      { schema: { tags, params: measureParams, response: { 204: z.null() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        assertAllowed(actor, "measure.delete", request.params);
        await deleteMeasure({ db, ...request.params, actor: actor.userId });
        return reply.status(204).send(null);
      },
    );
  };
}
