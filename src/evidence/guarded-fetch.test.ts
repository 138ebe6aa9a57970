import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPublicAddress } from "./address-policy.ts";
import { createGuardedFetcher, type GuardedFetcherOptions } from "./guarded-fetch.ts";
import { type FixtureSite, startFixtureSite } from "./test-site.ts";

const MB = 1024 * 1024;
const zeros = Buffer.alloc(64 * MB);

let site: FixtureSite;
// A second server on another loopback address: it must never be reached.
let inner: FixtureSite;

beforeAll(async () => {
  inner = await startFixtureSite({ "/secret": { body: "secret" } }, "127.0.0.2");
  site = await startFixtureSite({
    "/": { body: "<title>หน้าแรก</title>" },
    "/to-inner": { status: 302, headers: { location: `${inner.url}secret` } },
    "/to-inner-name": {
      status: 301,
      headers: { location: `http://inner.example:${inner.port}/secret` },
    },
    "/to-v6": { status: 307, headers: { location: `http://[::1]:${inner.port}/secret` } },
    "/to-mapped": {
      status: 308,
      headers: { location: `http://[::ffff:127.0.0.2]:${inner.port}/secret` },
    },
    "/to-file": { status: 302, headers: { location: "file:///etc/passwd" } },
    "/loop": { status: 302, headers: { location: "/loop" } },
    "/hop": { status: 302, headers: { location: "/" } },
    "/big-declared": { body: Buffer.alloc(3 * MB), type: "application/pdf" },
    "/endless": {
      handle(_request, response) {
        response.writeHead(200, { "content-type": "application/pdf" });
        const chunk = Buffer.alloc(64 * 1024, 1);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once("drain", pump);
        };
        pump();
      },
    },
    "/gzip-bomb": {
      body: gzipSync(zeros, { level: 9 }),
      headers: { "content-encoding": "gzip" },
    },
    "/br-bomb": {
      body: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      headers: { "content-encoding": "br" },
    },
    "/gzip-ok": {
      body: gzipSync(Buffer.from("<p>สวัสดี</p>")),
      headers: { "content-encoding": "gzip" },
    },
    "/odd-encoding": { body: "x", headers: { "content-encoding": "compress" } },
    "/trickle": {
      handle(_request, response) {
        response.writeHead(200, { "content-type": "text/html" });
        const timer = setInterval(() => {
          if (response.destroyed) return clearInterval(timer);
          response.write("ก");
        }, 100);
        response.on("close", () => clearInterval(timer));
      },
    },
    "/silent": { handle() {} },
  });
});

afterAll(async () => {
  await site.close();
  await inner.close();
});

// The fixture itself is on loopback, so tests allow exactly its address and nothing else; names
// resolve only to local addresses, so no test can send a packet off this machine.
function fetcher(options: GuardedFetcherOptions = {}) {
  return createGuardedFetcher({
    allowAddresses: ["127.0.0.1"],
    resolveHost: async (hostname) =>
      hostname === "inner.example"
        ? [{ address: "127.0.0.2", family: 4 }]
        : hostname === "agency.example"
          ? [{ address: "127.0.0.1", family: 4 }]
          : Promise.reject(
              Object.assign(new Error("not in this test's DNS"), { code: "ENOTFOUND" }),
            ),
    limits: { maxBytes: MB, timeoutMs: 1_500, connectTimeoutMs: 1_000 },
    ...options,
  });
}

describe("address policy", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:7f00:1::",
    "not-an-address",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "203.113.1.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"])(
    "allows public %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe("guarded fetcher", () => {
  it("fetches the allowed fixture and decodes gzip", async () => {
    const f = fetcher();
    const outcome = await f.fetch(`${site.url}gzip-ok`);
    await f.close();
    expect(outcome.ok && outcome.response.body.toString()).toBe("<p>สวัสดี</p>");
  });

  it("refuses loopback, private and link-local literals before connecting", async () => {
    const f = createGuardedFetcher();
    const targets = [
      site.url,
      `http://[::1]:${site.port}/`,
      `http://[::ffff:127.0.0.1]:${site.port}/`,
      `http://0.0.0.0:${site.port}/`,
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/",
      "http://10.0.0.1/",
      "http://[fe80::1]/",
      // Other spellings of 127.0.0.1 that URL parsing turns into it.
      `http://2130706433:${site.port}/`,
      `http://0x7f.1:${site.port}/`,
      `http://127.1:${site.port}/`,
    ];
    const before = site.hits.length;
    for (const target of targets) {
      const outcome = await f.fetch(target);
      expect(outcome.ok ? "fetched" : outcome.failure.kind, target).toBe("refused");
    }
    await f.close();
    expect(site.hits.length).toBe(before);
  });

  it("refuses names that resolve to loopback, checked at connect time", async () => {
    const before = site.hits.length;
    const system = createGuardedFetcher();
    const local = await system.fetch(`http://localhost:${site.port}/`);
    await system.close();
    expect(local.ok ? "fetched" : local.failure.kind).toBe("refused");

    const f = createGuardedFetcher({
      resolveHost: async () => [{ address: "127.0.0.1", family: 4 }],
    });
    const named = await f.fetch(`http://agency.example:${site.port}/`);
    await f.close();
    expect(named.ok ? "fetched" : named.failure.kind).toBe("refused");
    expect(site.hits.length).toBe(before);

    // One private address among public ones is enough to refuse: the connection could pick it.
    const mixed = createGuardedFetcher({
      resolveHost: async () => [
        { address: "203.0.113.9", family: 4 },
        { address: "::ffff:127.0.0.1", family: 6 },
      ],
    });
    const split = await mixed.fetch(`http://agency.example:${site.port}/`);
    await mixed.close();
    expect(split.ok ? "fetched" : split.failure.kind).toBe("refused");

    // The same resolver with the address allowed does connect: the refusal above was the policy.
    const allowed = fetcher();
    const ok = await allowed.fetch(`http://agency.example:${site.port}/`);
    await allowed.close();
    expect(ok.ok).toBe(true);
  });

  it("re-checks every redirect and never reaches the inner server", async () => {
    const f = fetcher();
    for (const path of ["to-inner", "to-inner-name", "to-v6", "to-mapped", "to-file"]) {
      const outcome = await f.fetch(`${site.url}${path}`);
      expect(outcome.ok ? "fetched" : outcome.failure.kind, path).toBe("refused");
    }
    const followed = await f.fetch(`${site.url}hop`);
    const loop = await f.fetch(`${site.url}loop`);
    await f.close();
    expect(inner.hits).toEqual([]);
    expect(followed.ok && followed.response.finalUrl).toBe(site.url);
    expect(loop.ok ? "fetched" : loop.failure.kind).toBe("too-many-redirects");
  });

  it("cuts off bodies over the limit, declared or streamed, and decompression bombs", async () => {
    const f = fetcher();
    for (const path of ["big-declared", "endless", "gzip-bomb", "br-bomb"]) {
      const outcome = await f.fetch(`${site.url}${path}`);
      expect(
        outcome.ok ? "fetched" : outcome.failure.kind,
        `${path} ${outcome.ok ? "" : outcome.failure.en}`,
      ).toBe("too-large");
    }
    const odd = await f.fetch(`${site.url}odd-encoding`);
    await f.close();
    expect(odd.ok ? "fetched" : odd.failure.kind).toBe("encoding");
  });

  it("gives up on a response that trickles or never starts", async () => {
    const f = fetcher();
    const trickle = await f.fetch(`${site.url}trickle`);
    const silent = await f.fetch(`${site.url}silent`);
    await f.close();
    expect(trickle.ok ? "fetched" : trickle.failure.kind).toBe("timeout");
    expect(silent.ok ? "fetched" : silent.failure.kind).toBe("timeout");
  });

  it("stops when the caller cancels", async () => {
    const f = fetcher({ limits: { timeoutMs: 60_000 } });
    const controller = new AbortController();
    const pending = f.fetch(`${site.url}silent`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const outcome = await pending;
    await f.close();
    expect(outcome.ok ? "fetched" : outcome.failure.kind).toBe("aborted");
  });
});
