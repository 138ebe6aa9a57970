import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "../shared/limits.ts";
import { openDatabase } from "./db/database.ts";
import { auditLog } from "./db/schema.ts";
import { freePort, serve, whenReady } from "./test-process.ts";

// Nothing acknowledged is ever lost: writes answered 200 survive a SIGKILL of the server.
describe("durability", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "prongsai-kill-"));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("keeps every acknowledged write after SIGKILL during writes", async () => {
    const port = await freePort();
    const server = serve({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir });
    await whenReady(port);
    // The demo's coordinator signs in with the one-time password from the log.
    const coordinator =
      /"email":"coordinator@huaisak.local","role":"agency_admin","password":"([^"]+)"/.exec(
        server.stdout(),
      );
    expect(coordinator).not.toBeNull();
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "coordinator@huaisak.local", password: coordinator?.[1] }),
    });
    const me = (await login.json()) as { memberships: { agencyId: string }[] };
    const cookies = Object.fromEntries(
      login.headers.getSetCookie().map((c) => c.split(";")[0]?.split("=") as [string, string]),
    );
    const agencyId = me.memberships[0]?.agencyId ?? "";
    const headers = {
      "content-type": "application/json",
      cookie: `${SESSION_COOKIE}=${cookies[SESSION_COOKIE]}; ${CSRF_COOKIE}=${cookies[CSRF_COOKIE]}`,
      [CSRF_HEADER]: cookies[CSRF_COOKIE] ?? "",
    };
    const acknowledged: string[] = [];
    const write = async (i: number) => {
      const name = `ผู้บริหารลำดับที่ ${i}`;
      const response = await fetch(`${base}/api/agencies/${agencyId}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ headName: name }),
      }).catch(() => undefined);
      if (response?.status === 200) acknowledged.push(name);
    };
    // Four writers in a loop; the server is killed while they are busy.
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; i < 400; i++) await write(w * 1000 + i);
    });
    await new Promise((r) => setTimeout(r, 1500));
    server.child.kill("SIGKILL");
    await Promise.all(writers);
    await server.exited;
    // Some writes were answered before the kill and some were cut off by it.
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(1600);

    const database = await openDatabase({ dataDir });
    try {
      const audited = new Set(
        (await database.db.select().from(auditLog)).map(
          (e) => (e.after as { headName?: string } | null)?.headName,
        ),
      );
      const lost = acknowledged.filter((name) => !audited.has(name));
      expect(lost).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
