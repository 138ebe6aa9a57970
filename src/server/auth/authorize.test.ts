import { describe, expect, it } from "vitest";
import {
  type Action,
  type Actor,
  actions,
  assertAllowedSomewhere,
  authorize,
  type Role,
  roles,
} from "./authorize.ts";

const own = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";
const actorWith = (role: Role, agencyId = own, division?: string): Actor => ({
  userId: `user-${role}`,
  memberships: [{ agencyId, role, division }],
});

describe("authorize", () => {
  // The matrix: every role of one agency against every action on another agency.
  for (const role of roles.filter((r) => r !== "national_admin"))
    for (const action of actions)
      it(`refuses ${role} of another agency: ${action}`, () => {
        const decision = authorize(actorWith(role), action, {
          agencyId: other,
          division: "กองคลัง",
        });
        expect(decision.allowed).toBe(false);
        if (!decision.allowed) expect(decision.reason.th).toBe("คุณไม่ได้เป็นสมาชิกของหน่วยงานนี้");
      });

  it("lets a national administrator act on any agency", () => {
    for (const action of actions)
      expect(authorize(actorWith("national_admin", own), action, { agencyId: other }).allowed).toBe(
        true,
      );
  });

  const allowedInOwn = (role: Role, division?: string) =>
    actions.filter(
      (a) => authorize(actorWith(role, own, division), a, { agencyId: own, division }).allowed,
    );

  it("grants each role its part of its own agency", () => {
    expect(allowedInOwn("auditor")).toEqual([
      "agency.read",
      "user.read",
      "assessment.read",
      "measure.read",
      "audit.read",
      "survey.read",
      "survey.results",
      "national.read",
    ]);
    expect(allowedInOwn("evaluator")).toEqual([
      "agency.read",
      "assessment.read",
      "results.write",
      "measure.read",
      "oit.review",
      "oit.check",
      "audit.read",
      "survey.read",
      "survey.results",
      "survey.phone",
      "survey.integrity",
    ]);
    // Judging the collection is the evaluators' work; the agency only manages and reads it.
    expect(allowedInOwn("agency_admin")).not.toContain("survey.integrity");
    expect(allowedInOwn("agency_admin")).not.toContain("survey.phone");
    expect(allowedInOwn("agency_admin")).toContain("survey.manage");
    expect(allowedInOwn("agency_admin")).not.toContain("oit.review");
    // The agency answers its own checklist; evaluators judge it and never answer for it.
    expect(allowedInOwn("agency_admin")).toContain("oit.answer");
    expect(allowedInOwn("evaluator")).not.toContain("oit.answer");
    expect(allowedInOwn("agency_admin")).not.toContain("assessment.open");
    expect(allowedInOwn("agency_admin")).toContain("document.approve");
    expect(allowedInOwn("agency_admin")).toContain("user.manage");
    for (const role of ["division_officer", "evaluator", "auditor"] as const)
      expect(allowedInOwn(role, "กองคลัง")).not.toContain("user.manage");
    expect(allowedInOwn("division_officer", "กองคลัง")).not.toContain("user.read");
    expect(allowedInOwn("agency_admin")).toEqual(
      expect.arrayContaining(["measure.write", "measure.delete", "progress.write"]),
    );
    // An officer writes their own division's measures, never the agency's whole progress report.
    expect(allowedInOwn("division_officer", "กองคลัง")).toEqual([
      "agency.read",
      "assessment.read",
      "measure.read",
      "measure.write",
      "audit.read",
      "survey.read",
    ]);
  });

  it("keeps division officers to their own division's measures", () => {
    const officer = actorWith("division_officer", own, "กองคลัง");
    const write: Action = "measure.write";
    expect(authorize(officer, write, { agencyId: own, division: "กองคลัง" }).allowed).toBe(true);
    const elsewhere = authorize(officer, write, { agencyId: own, division: "กองช่าง" });
    expect(elsewhere).toEqual({
      allowed: false,
      reason: {
        th: "บทบาทของคุณในหน่วยงานนี้ทำรายการนี้ไม่ได้",
        en: "your role in this agency may not measure.write",
      },
    });
    expect(authorize(officer, "document.approve", { agencyId: own }).allowed).toBe(false);
    const shared = { agencyId: own, divisions: ["กองช่าง", "กองคลัง"] };
    expect(authorize(officer, write, shared).allowed).toBe(true);
    expect(authorize(officer, write, { agencyId: own, divisions: ["กองช่าง"] }).allowed).toBe(false);
  });

  it("keeps opening a fiscal year and making frameworks to national administrators", () => {
    for (const role of roles.filter((r) => r !== "national_admin"))
      for (const action of ["assessment.open", "framework.import"] as const)
        expect(authorize(actorWith(role), action, { agencyId: own }).allowed).toBe(false);
  });

  it("shows the national view to national administrators and auditors only", () => {
    for (const role of ["national_admin", "auditor"] as const)
      expect(() => assertAllowedSomewhere(actorWith(role), "national.read")).not.toThrow();
    for (const role of ["agency_admin", "division_officer", "evaluator"] as const)
      expect(() => assertAllowedSomewhere(actorWith(role, own, "กองคลัง"), "national.read")).toThrow(
        "your roles may not national.read in any agency",
      );
  });

  it("lets a file of many agencies through only to someone allowed in at least one", () => {
    expect(() => assertAllowedSomewhere(actorWith("evaluator"), "results.write")).not.toThrow();
    expect(() => assertAllowedSomewhere(actorWith("agency_admin"), "results.write")).not.toThrow();
    expect(() =>
      assertAllowedSomewhere(actorWith("national_admin"), "results.write"),
    ).not.toThrow();
    for (const role of ["auditor", "division_officer"] as const)
      expect(() => assertAllowedSomewhere(actorWith(role), "results.write")).toThrow(
        "your roles may not results.write in any agency",
      );
    expect(() =>
      assertAllowedSomewhere({ userId: "x", memberships: [] }, "results.write"),
    ).toThrow();
  });
});
