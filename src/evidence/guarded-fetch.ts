import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction, Socket } from "node:net";
import type { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Agent, buildConnector, request } from "undici";
import { isIpLiteral, isPublicAddress } from "./address-policy.ts";
import {
  type FetchFailure,
  FetchStop,
  failure,
  findStop,
  refusedAddress,
} from "./fetch-failure.ts";

// The one way Prongsai fetches a URL someone else chose: http(s) only, public addresses only
// (checked on the address actually connected to), every redirect re-checked, bytes and time capped.

export interface FetchLimits {
  /** Decoded body bytes; the transfer stops as soon as the count passes it. */
  maxBytes: number;
  connectTimeoutMs: number;
  /** Whole request, redirects and body included. */
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBytes: 15 * 1024 * 1024,
  connectTimeoutMs: 5_000,
  timeoutMs: 20_000,
  maxRedirects: 5,
};

/** Resolves a host name to its addresses; injectable so tests can pose as any DNS. */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export interface GuardedFetcherOptions {
  allowPrivate?: boolean;
  /** Exact addresses allowed although not public, e.g. one local test server among refused ones. */
  allowAddresses?: readonly string[];
  limits?: Partial<FetchLimits>;
  resolveHost?: ResolveHost;
  userAgent?: string;
  /** Connections kept open per origin. */
  connections?: number;
}

export interface GuardedResponse {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

export type FetchOutcome =
  | { ok: true; response: GuardedResponse }
  | { ok: false; url: string; finalUrl: string; failure: FetchFailure };

export interface GuardedFetcher {
  fetch(url: string, options?: { signal?: AbortSignal; maxBytes?: number }): Promise<FetchOutcome>;
  close(): Promise<void>;
}

export const USER_AGENT = "Prongsai-OIT-Checker/0.1";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const systemResolve: ResolveHost = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Whether a connection to `address` is allowed under the fetcher's options. */
export type AddressPolicy = (address: string) => boolean;

export function addressPolicy(options: GuardedFetcherOptions): AddressPolicy {
  if (options.allowPrivate) return () => true;
  const allowed = new Set(options.allowAddresses ?? []);
  return (address) => isPublicAddress(address) || allowed.has(unmapped(address));
}

function unmapped(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "");
  return bare.toLowerCase().startsWith("::ffff:") && bare.includes(".") ? bare.slice(7) : bare;
}

/** A `net` lookup that answers only with addresses the policy allows, else fails the connect. */
export function guardedLookup(resolveHost: ResolveHost, allowed: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
        const bad = usable.find((a) => !allowed(a.address));
        if (bad) {
          callback(new FetchStop(refusedAddress(hostname, bad.address)), "", 0);
          return;
        }
        const first = usable[0];
        if (!first) {
          const error = Object.assign(new Error(`no address for ${hostname}`), {
            code: "ENOTFOUND",
          });
          callback(error, "", 0);
          return;
        }
        if (options.all) (callback as (e: null, a: LookupAddress[]) => void)(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

function createAgent(options: GuardedFetcherOptions, limits: FetchLimits): Agent {
  const allowed = addressPolicy(options);
  const base = buildConnector({
    timeout: limits.connectTimeoutMs,
    lookup: guardedLookup(options.resolveHost ?? systemResolve, allowed),
  });
  return new Agent({
    connections: options.connections ?? 4,
    // Checked again on the connected socket: IP literals never go through the lookup.
    connect(connectOptions, callback) {
      base(connectOptions, (error, socket) => {
        if (error || !socket) return callback(error ?? new Error("no socket"), null);
        const address = (socket as Socket).remoteAddress ?? "";
        if (!allowed(address)) {
          socket.destroy();
          return callback(new FetchStop(refusedAddress(connectOptions.hostname, address)), null);
        }
        callback(null, socket);
      });
    },
  });
}

/** Parses and checks a URL before any connection: scheme, and IP literals against the policy. */
export function checkUrl(raw: string, allowed: AddressPolicy): URL | FetchFailure {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return failure("invalid-url", `ที่อยู่ไม่ถูกต้อง: ${raw}`, `not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return failure(
      "refused",
      `รองรับเฉพาะ http และ https (ได้ ${url.protocol})`,
      `only http and https are fetched (got ${url.protocol})`,
    );
  if (url.username || url.password)
    return failure("refused", "ที่อยู่ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่าน", "URLs with credentials are refused");
  const host = url.hostname;
  if (isIpLiteral(host) && !allowed(host.replace(/^\[|\]$/g, "")))
    return refusedAddress(host, host);
  return url;
}

function decoderFor(encoding: string): Transform | null | undefined {
  const value = encoding.trim().toLowerCase();
  if (value === "" || value === "identity") return null;
  if (value === "gzip" || value === "x-gzip") return createGunzip();
  if (value === "deflate") return createInflate();
  if (value === "br") return createBrotliDecompress();
  return undefined;
}

function tooLarge(limit: number): FetchStop {
  return new FetchStop(
    failure(
      "too-large",
      `ไฟล์ใหญ่เกินกำหนด (${limit.toLocaleString("th-TH")} ไบต์)`,
      `body larger than the limit of ${limit} bytes`,
    ),
  );
}

/** Reads a body, decoding it, and stops as soon as the decoded bytes pass `limit`. */
async function readBody(body: Readable, encoding: string, limit: number): Promise<Buffer> {
  const decoder = decoderFor(encoding);
  if (decoder === undefined)
    throw new FetchStop(
      failure(
        "encoding",
        `การบีบอัดแบบ ${encoding} ไม่รองรับ`,
        `unsupported content-encoding ${encoding}`,
      ),
    );
  const chunks: Buffer[] = [];
  let total = 0;
  let stop: FetchStop | undefined;
  async function collect(source: AsyncIterable<Buffer | string>): Promise<void> {
    for await (const piece of source) {
      const chunk = typeof piece === "string" ? Buffer.from(piece) : piece;
      total += chunk.length;
      if (total > limit) {
        stop = tooLarge(limit);
        throw stop;
      }
      chunks.push(chunk);
    }
  }
  try {
    if (decoder) await pipeline(body, decoder, collect);
    else await pipeline(body, collect);
  } catch (error) {
    // The pipeline may report its own abort instead of the reason it was torn down.
    throw stop ?? error;
  }
  return Buffer.concat(chunks, total);
}

/** Creates a fetcher; call `close()` when done to release its connections. */
export function createGuardedFetcher(options: GuardedFetcherOptions = {}): GuardedFetcher {
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const allowed = addressPolicy(options);
  const agent = createAgent(options, limits);
  const userAgent = options.userAgent ?? USER_AGENT;

  async function fetchOnce(
    start: string,
    signal: AbortSignal | undefined,
    maxBytes: number,
  ): Promise<FetchOutcome> {
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    let current = start;
    const fail = (f: FetchFailure): FetchOutcome => ({
      ok: false,
      url: start,
      finalUrl: current,
      failure: f,
    });
    try {
      for (let hop = 0; ; hop++) {
        const checked = checkUrl(current, allowed);
        if (!(checked instanceof URL)) return fail(checked);
        const response = await request(checked, {
          dispatcher: agent,
          method: "GET",
          signal: combined,
          headersTimeout: limits.timeoutMs,
          bodyTimeout: limits.timeoutMs,
          headers: {
            "user-agent": userAgent,
            "accept-encoding": "gzip, deflate, br",
            accept: "text/html,application/xhtml+xml,application/xml,application/pdf,*/*;q=0.8",
          },
        });
        const location = header(response.headers.location);
        if (REDIRECTS.has(response.statusCode) && location) {
          discard(response.body);
          if (hop >= limits.maxRedirects)
            return fail(
              failure(
                "too-many-redirects",
                `เปลี่ยนเส้นทางเกิน ${limits.maxRedirects} ครั้ง`,
                `more than ${limits.maxRedirects} redirects`,
              ),
            );
          current = new URL(location, checked).href;
          continue;
        }
        const length = Number(header(response.headers["content-length"]) ?? Number.NaN);
        const encoding = header(response.headers["content-encoding"]) ?? "";
        if (Number.isFinite(length) && length > maxBytes) {
          discard(response.body);
          return fail(tooLarge(maxBytes).failure);
        }
        const body = await readBody(response.body, encoding, maxBytes);
        return {
          ok: true,
          response: {
            url: start,
            finalUrl: checked.href,
            status: response.statusCode,
            contentType: header(response.headers["content-type"]) ?? null,
            body,
          },
        };
      }
    } catch (error) {
      const stop = findStop(error);
      if (stop) return fail(stop.failure);
      if (signal?.aborted) return fail(failure("aborted", "ยกเลิกการตรวจแล้ว", "cancelled"));
      if (deadline.aborted || isTimeout(error))
        return fail(
          failure(
            "timeout",
            `ไม่ตอบสนองภายใน ${limits.timeoutMs / 1000} วินาที`,
            `no complete response within ${limits.timeoutMs / 1000} s`,
          ),
        );
      const reason = error instanceof Error ? describeError(error) : String(error);
      return fail(failure("network", `เชื่อมต่อไม่ได้: ${reason}`, `network error: ${reason}`));
    }
  }

  return {
    fetch: (url, fetchOptions = {}) =>
      fetchOnce(
        url,
        fetchOptions.signal,
        Math.min(fetchOptions.maxBytes ?? limits.maxBytes, limits.maxBytes),
      ),
    close: () => agent.close(),
  };
}

// A body not read is destroyed; its abort error has nothing to tell.
function discard(body: Readable): void {
  body.on("error", () => undefined);
  body.destroy();
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function isTimeout(error: unknown): boolean {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  return code.includes("TIMEOUT") || (error instanceof Error && error.name === "TimeoutError");
}

function describeError(error: Error): string {
  const code = "code" in error && error.code ? `${String(error.code)} ` : "";
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${code}${error.message}${cause}`;
}
