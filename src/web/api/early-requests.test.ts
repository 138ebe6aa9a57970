import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "./client.ts";
import { startEarly } from "./early-requests.ts";

describe("requests started before the app loads", () => {
  const asked: string[] = [];
  beforeEach(() => {
    asked.length = 0;
    // The browser's fetch and cookie jar, recorded: which addresses reached the server.
    vi.stubGlobal("fetch", async (path: string, init?: RequestInit) => {
      asked.push(`${init?.method ?? "GET"} ${path}`);
      return Response.json({ path, answer: asked.length });
    });
    vi.stubGlobal("document", { cookie: "" });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("answers the app's first call for the address once, then asks the server again", async () => {
    startEarly("/api/auth/me");
    expect(await api("/api/auth/me")).toEqual({ path: "/api/auth/me", answer: 1 });
    expect(await api("/api/auth/me")).toEqual({ path: "/api/auth/me", answer: 2 });
    expect(asked).toEqual(["GET /api/auth/me", "GET /api/auth/me"]);
  });

  it("forgets an answer not yet taken once the app writes, since it may no longer be true", async () => {
    startEarly("/api/national/overview?fiscalYear=2567");
    await api("/api/agencies", { method: "POST", body: {} });
    await api("/api/national/overview?fiscalYear=2567");
    expect(asked).toEqual([
      "GET /api/national/overview?fiscalYear=2567",
      "POST /api/agencies",
      "GET /api/national/overview?fiscalYear=2567",
    ]);
  });
});
