import type { InjectOptions } from "fastify";
import { describe, expect, it } from "vitest";
import type { Operation } from "./fuzz/openapi-operations.ts";
import { engines } from "./test-databases.ts";
import { type AgencyWorld, useWorld } from "./test-world.ts";

// The tenancy promise, proven route by route from the API's own OpenAPI document: every route of
// an agency refuses every role of another agency, and every route about no agency is classified
// below — a new route that is neither fails this test until someone decides who may call it.
const notAboutOneAgency: Record<string, "public" | "signed-in" | "national"> = {
  "GET /healthz": "public",
  "GET /readyz": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "public",
  "GET /api/auth/me": "signed-in",
  "POST /api/auth/totp/setup": "signed-in",
  "POST /api/auth/totp/enable": "signed-in",
  "POST /api/auth/totp/disable": "signed-in",
  "POST /api/auth/password-reset": "public",
  "POST /api/auth/password-reset/confirm": "public",
  "GET /api/users": "national",
  "POST /api/fiscal-years/{fiscalYear}/open": "national",
  // Each row is then checked against its own agency.
  "POST /api/imports/results": "signed-in",
  "POST /api/users": "national",
  "POST /api/agencies": "national",
  // A new framework version: the rules every agency is assessed by.
  "POST /api/frameworks/oit-items": "national",
  // Lists only the agencies the caller belongs to.
  "GET /api/agencies": "signed-in",
  // The assessment's rules, the same for every agency.
  "GET /api/frameworks": "signed-in",
  "GET /api/frameworks/{frameworkId}": "signed-in",
  // National figures: the handler lets through national administrators and auditors only.
  "GET /api/national/overview": "signed-in",
  // Disclosure monitoring: the handler lets through national administrators and auditors only.
  "GET /api/national/disclosures": "signed-in",
  "GET /fonts/{file}": "public",
  // Anonymous respondents: the link's token names the survey; no session, no agency id.
  "POST /api/surveys/{tool}/{token}/responses": "public",
  // Survey respondents: anonymous by design; the link's unguessable token names the survey.
  "GET /go/{tool}/{token}": "public",
  "POST /go/{tool}/{token}/start": "public",
  "POST /go/{tool}/{token}/otp": "public",
  "POST /go/{tool}/{token}/otp/confirm": "public",
  "POST /go/{tool}/{token}/screen": "public",
  "POST /go/{tool}/{token}/submit": "public",
  "GET /go/{tool}/{token}/thanks": "public",
  // Open data: every agency's published results of a year and the catalogue describing them.
  "GET /open-data/results/{fiscalYear}.csv": "public",
  "GET /open-data/results/{fiscalYear}.json": "public",
  "GET /open-data/catalog.json": "public",
  "GET /open-data/catalog.jsonld": "public",
  "GET /api/open/results": "public",
};

// An agency's public transparency page: anyone may read it, and it shows only what the agency
// published (routes/public-page tests prove no draft and no other agency's data appears).
const publicOfOneAgency = new Set([
  "GET /p/{agencyId}",
  "GET /p/{agencyId}/{fiscalYear}",
  "GET /p/{agencyId}/{fiscalYear}/oit",
  "GET /p/{agencyId}/{fiscalYear}/oit/{itemId}",
  "GET /p/{agencyId}/{fiscalYear}/documents/{documentId}.{format}",
  "GET /p/{agencyId}/{fiscalYear}/data.json",
  "GET /p/{agencyId}/{fiscalYear}/data.csv",
]);
const isPublic = (op: Operation) =>
  publicOfOneAgency.has(`${op.method} ${op.path}`) ||
  notAboutOneAgency[`${op.method} ${op.path}`] === "public";
const isGuardedAgencyRoute = (op: Operation) =>
  op.pathParams.includes("agencyId") && !publicOfOneAgency.has(`${op.method} ${op.path}`);

const agencyRoles = ["agency_admin", "division_officer", "evaluator", "auditor"] as const;

describe.each(engines)("route matrix on %s", (engine) => {
  const t = useWorld(engine);

  // A request to agency A's own resources, with a body that is only an empty object.
  const requestTo = (op: Operation, agency: AgencyWorld): InjectOptions => {
    const values: Record<string, string> = {
      agencyId: agency.agencyId,
      assessmentId: agency.assessments[2566],
      measureId: agency.measureId,
      userId: agency.people.auditor.userId,
      fileId: agency.measureId,
      documentId: agency.measureId,
      kind: "six_month",
      format: "pdf",
      // Public pages show the world's year of measures; opening a year uses one the world lacks.
      fiscalYear: op.path.startsWith("/p/") ? "2566" : "2567",
      frameworkId: "ita-2566",
      indicatorId: "9",
      itemId: "O42",
      file: "sarabun-thai-400-normal.woff2",
      tool: "IIT",
      token: "nosuchsurvey1",
    };
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name];
      if (!value) throw new Error(`no matrix value for {${name}} in ${op.path}`);
      return value;
    });
    const write = op.method !== "GET" && op.method !== "DELETE";
    return { method: op.method as InjectOptions["method"], url, ...(write ? { payload: {} } : {}) };
  };

  it("classifies every route that is not about one agency", () => {
    const unclassified = t.operations
      .filter((op) => !op.pathParams.includes("agencyId"))
      .map((op) => `${op.method} ${op.path}`)
      .filter((key) => !(key in notAboutOneAgency));
    expect(unclassified).toEqual([]);
    expect(t.operations.filter(isGuardedAgencyRoute).length).toBeGreaterThan(0);
    // A public route of one agency lives outside /api, where the tenancy gate guards everything.
    const publicUnderApi = t.operations
      .filter((op) => publicOfOneAgency.has(`${op.method} ${op.path}`))
      .filter((op) => op.path.startsWith("/api/"));
    expect(publicUnderApi).toEqual([]);
    const listed = t.operations.map((op) => `${op.method} ${op.path}`);
    expect([...publicOfOneAgency].filter((key) => !listed.includes(key))).toEqual([]);
  });

  it("refuses every role of another agency on every route of an agency", async () => {
    const leaks: string[] = [];
    for (const op of t.operations.filter(isGuardedAgencyRoute))
      for (const role of agencyRoles) {
        const response = await t.app.inject({
          ...requestTo(op, t.world.a),
          ...t.world.b.people[role],
        });
        if (response.statusCode !== 403 || response.json().error.code !== "FORBIDDEN")
          leaks.push(
            `${op.method} ${op.path} as ${role} of another agency → ${response.statusCode}`,
          );
      }
    expect(leaks).toEqual([]);
  });

  it("asks for sign-in on every route that is not public", async () => {
    const open: string[] = [];
    for (const op of t.operations) {
      if (isPublic(op)) continue;
      const response = await t.app.inject(requestTo(op, t.world.a));
      if (response.statusCode !== 401)
        open.push(`${op.method} ${op.path} → ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it("refuses every agency role on national routes, and lets national administrators through", async () => {
    const national = t.operations.filter(
      (op) => notAboutOneAgency[`${op.method} ${op.path}`] === "national",
    );
    expect(national.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const op of national) {
      for (const role of agencyRoles) {
        const response = await t.app.inject({
          ...requestTo(op, t.world.a),
          ...t.world.a.people[role],
        });
        if (response.statusCode !== 403)
          wrong.push(`${op.method} ${op.path} as ${role} → ${response.statusCode}`);
      }
      const admin = await t.app.inject({ ...requestTo(op, t.world.a), ...t.world.national });
      if (admin.statusCode === 403 || admin.statusCode === 401)
        wrong.push(`${op.method} ${op.path} as national admin → ${admin.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers every public route without sign-in, and the same to anyone signed in anywhere", async () => {
    const wrong: string[] = [];
    for (const op of t.operations.filter((o) => publicOfOneAgency.has(`${o.method} ${o.path}`))) {
      const anonymous = await t.app.inject(requestTo(op, t.world.a));
      if (anonymous.statusCode === 401 || anonymous.statusCode === 403)
        wrong.push(`${op.method} ${op.path} → ${anonymous.statusCode}`);
      const stranger = await t.app.inject({
        ...requestTo(op, t.world.a),
        ...t.world.b.people.agency_admin,
      });
      if (stranger.statusCode !== anonymous.statusCode || stranger.body !== anonymous.body)
        wrong.push(`${op.method} ${op.path} differs for another agency's admin`);
    }
    expect(wrong).toEqual([]);
  });

  it("lets a national administrator past the tenancy gate of every agency route", async () => {
    const refused: string[] = [];
    for (const op of t.operations.filter(isGuardedAgencyRoute)) {
      const response = await t.app.inject({ ...requestTo(op, t.world.a), ...t.world.national });
      if (response.statusCode === 403 || response.statusCode === 401)
        refused.push(`${op.method} ${op.path} → ${response.statusCode}`);
    }
    expect(refused).toEqual([]);
  });
});
