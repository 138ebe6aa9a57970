import { describe, expect, it } from "vitest";
import type { Actor } from "./authorize.ts";
import { SessionCache } from "./session-cache.ts";

const ana: Actor = { userId: "ana", memberships: [{ agencyId: "a", role: "agency_admin" }] };
const ben: Actor = { userId: "ben", memberships: [] };
const later = new Date(10_000_000);

function listeningCache() {
  const cache = new SessionCache<Actor>(30_000, 3);
  cache.listening(true);
  return cache;
}

describe("the session cache", () => {
  it("keeps nothing while the change notices are not heard", () => {
    const cache = new SessionCache<Actor>(30_000, 3);
    cache.set("t1", ana, later, 0, cache.generation());
    expect(cache.get("t1", 1)).toBeUndefined();
  });

  it("answers a stored session until it ends or its entry ages out", () => {
    const cache = listeningCache();
    cache.set("t1", ana, new Date(5_000), 0, cache.generation());
    cache.set("t2", ben, later, 0, cache.generation());
    expect(cache.get("t1", 4_999)).toBe(ana);
    expect(cache.get("t1", 5_000)).toBeUndefined();
    expect(cache.get("t2", 29_999)).toBe(ben);
    expect(cache.get("t2", 30_000)).toBeUndefined();
  });

  it("forgets a person's sessions on a notice about them, and everyone's on '*'", () => {
    const cache = listeningCache();
    cache.set("t1", ana, later, 0, cache.generation());
    cache.set("t2", ana, later, 0, cache.generation());
    cache.set("t3", ben, later, 0, cache.generation());
    cache.heard("ana");
    expect([cache.get("t1", 1), cache.get("t2", 1), cache.get("t3", 1)]).toEqual([
      undefined,
      undefined,
      ben,
    ]);
    cache.heard("*");
    expect(cache.get("t3", 1)).toBeUndefined();
  });

  it("does not keep a session read before a notice that came while it was being read", () => {
    const cache = listeningCache();
    const readAt = cache.generation();
    cache.heard("someone-else");
    cache.set("t1", ana, later, 0, readAt);
    expect(cache.get("t1", 1)).toBeUndefined();
  });

  it("forgets everyone when the notices stop, and stays empty until they are heard again", () => {
    const cache = listeningCache();
    cache.set("t1", ana, later, 0, cache.generation());
    cache.listening(false);
    cache.set("t2", ben, later, 0, cache.generation());
    cache.listening(true);
    expect([cache.get("t1", 1), cache.get("t2", 1)]).toEqual([undefined, undefined]);
  });

  it("drops the oldest entry when full", () => {
    const cache = listeningCache();
    for (const token of ["t1", "t2", "t3", "t4"])
      cache.set(token, ana, later, 0, cache.generation());
    expect(cache.get("t1", 1)).toBeUndefined();
    expect(cache.get("t4", 1)).toBe(ana);
  });
});
