import { describe, expect, it } from "vitest";
import { versionedCache } from "./versioned-cache.ts";

describe("versionedCache", () => {
  it("keeps an answer while its version holds and computes again when it moves", async () => {
    const cache = versionedCache<number>(4);
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get("a", "v1", compute)).toBe(1);
    expect(await cache.get("a", "v1", compute)).toBe(1);
    expect(await cache.get("a", "v2", compute)).toBe(2);
    expect(await cache.get("b", "v2", compute)).toBe(3);
    expect(runs).toBe(3);
  });

  it("shares one computation between requests that arrive together", async () => {
    const cache = versionedCache<string>(4);
    let runs = 0;
    let finish = (_: string) => {};
    const compute = () => {
      runs++;
      return new Promise<string>((resolve) => {
        finish = resolve;
      });
    };
    const both = Promise.all([cache.get("k", "v", compute), cache.get("k", "v", compute)]);
    finish("done");
    expect(await both).toEqual(["done", "done"]);
    expect(runs).toBe(1);
  });

  it("does not keep a failure", async () => {
    const cache = versionedCache<number>(4);
    await expect(
      cache.get("k", "v", async () => Promise.reject(new Error("down"))),
    ).rejects.toThrow("down");
    expect(cache.size).toBe(0);
    expect(await cache.get("k", "v", async () => 7)).toBe(7);
  });

  it("lets the least recently used answer go when full", async () => {
    const cache = versionedCache<string>(2);
    await cache.get("a", "v", async () => "a1");
    await cache.get("b", "v", async () => "b1");
    await cache.get("a", "v", async () => "a2"); // a is used again: b is now the oldest
    await cache.get("c", "v", async () => "c1");
    expect(cache.size).toBe(2);
    expect(await cache.get("a", "v", async () => "a3")).toBe("a1");
    expect(await cache.get("b", "v", async () => "b2")).toBe("b2");
  });
});
