import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engines } from "../test-databases.ts";
import { useWorld } from "../test-world.ts";
import { type Caller, requestsFor } from "./fuzz-requests.ts";

// Every route, thousands of generated malformed requests: each must get a 4xx (or succeed) with
// the error body the API promises, never a 5xx.
const TOTAL = { pglite: 5_000, postgres: 1_500 } as const;

describe.each(engines)("fuzzing every route on %s", (engine) => {
  const t = useWorld(engine);

  it("documents every route it serves in the OpenAPI document", () => {
    const documented = new Set(t.operations.map((op) => `${op.method} ${op.path}`));
    const served = t.app.routeCatalog.filter((r) => !/ \/api\/(docs|openapi)/.test(r));
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
  });

  it("answers every generated malformed request with a 4xx and a full error body, never a 5xx", async () => {
    const { a, b, national } = t.world;
    const pools: Record<string, string[]> = {
      agencyId: [a.agencyId, a.agencyId, b.agencyId, randomUUID(), "not-a-uuid", "0"],
      assessmentId: [
        a.assessments[2566],
        a.assessments[2565],
        b.assessments[2566],
        randomUUID(),
        "x",
      ],
      measureId: [a.measureId, b.measureId, randomUUID(), "1"],
      fileId: [randomUUID(), "1"],
      documentId: [randomUUID(), "1"],
      userId: [a.people.auditor.userId, b.people.auditor.userId, randomUUID(), "me"],
      kind: ["six_month", "year_end", "quarter", ""],
      format: ["pdf", "docx", "html", "exe"],
      fiscalYear: ["2566", "2567", "2568", "2499", "abc", "99999"],
      frameworkId: ["ita-2566", "ita-2568", "ita-2499", "x", "%00"],
      indicatorId: ["1", "9", "10", "11", "0", "-1", "abc", "1e9"],
      itemId: ["O42", "o1", "O99", "x", "O1.5"],
      file: ["sarabun-thai-400-normal.woff2", "sarabun.woff2", "..", "%2e%2e%2fpackage.json"],
      tool: ["eit", "iit", "IIT", "OIT", "oit", "XYZ", "1", "x", "%00"],
      token: ["nosuchsurvey1", "abc", "a".repeat(60), "../x"],
    };
    const callers: Caller[] = [
      { name: "national admin", ...national },
      { name: "national admin", ...national },
      { name: "agency admin", ...a.people.agency_admin },
      { name: "division officer", ...a.people.division_officer },
      { name: "other agency's admin", ...b.people.agency_admin },
      { name: "anonymous" },
      { name: "session without CSRF header", cookies: national.cookies },
    ];
    const perOperation = Math.ceil(TOTAL[engine] / t.operations.length);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, op] of t.operations.entries()) {
      // The sign-out route would end the sessions the rest of the run relies on.
      const usable = op.path === "/api/auth/logout" ? callers.filter((c) => !c.cookies) : callers;
      const samples = fc.sample(requestsFor(op, usable, pools), {
        numRuns: perOperation,
        seed: 2566 + index,
      });
      for (const { caller, options } of samples) {
        const response = await t.app.inject(options);
        sent++;
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const what = `${options.method} ${options.url} as ${caller.name} → ${response.statusCode}`;
        if (response.statusCode >= 500)
          failures.push(
            `${what} with ${String(options.payload).slice(0, 300)}: ${response.body.slice(0, 200)}`,
          );
        else if (
          response.statusCode >= 400 &&
          (op.path.startsWith("/p/") || op.path.startsWith("/go/")) &&
          isHtml(response.headers["content-type"])
        ) {
          // Public and survey pages answer people with a Thai HTML page instead of the API's JSON body.
          if (!/^<!DOCTYPE html>\n<html lang="th">[\s\S]*<h1>[\s\S]+<\/h1>/.test(response.body))
            failures.push(`${what}: not a Thai error page: ${response.body.slice(0, 200)}`);
        } else if (
          response.statusCode === 404 &&
          op.path.startsWith("/open-data/") &&
          String(response.headers["content-type"]).startsWith("text/plain")
        ) {
          // Open-data files answer a year without results in plain Thai and English text.
          if (!/[ก-๙][\s\S]*[A-Za-z]/.test(response.body))
            failures.push(
              `${what}: not a Thai and English message: ${response.body.slice(0, 200)}`,
            );
        } else if (response.statusCode >= 400) {
          const body = safeJson(response.body) as {
            error?: { code?: unknown; message?: unknown; details?: unknown };
          };
          const ok =
            typeof body?.error?.code === "string" &&
            typeof body.error.message === "string" &&
            Array.isArray(body.error.details);
          if (!ok)
            failures.push(
              `${what}: error body not in the promised shape: ${response.body.slice(0, 200)}`,
            );
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TOTAL[engine]);
    // The generator reaches the handlers: some requests pass validation and succeed.
    const succeeded = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    expect(succeeded).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    // Thousands of requests, some rendering whole public pages: room for a busy machine.
  }, 900_000);
});

function isHtml(contentType: string | string[] | number | undefined): boolean {
  return String(contentType).startsWith("text/html");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
