import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local fixture web site for tests and the benchmark: a table of paths served on 127.0.0.1.

export interface FixtureRoute {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Full control, e.g. for slow or endless responses. */
  handle?: (request: IncomingMessage, response: ServerResponse) => void;
}

export interface FixtureSite {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  /** Paths requested, in order. */
  hits: string[];
  close(): Promise<void>;
}

export async function startFixtureSite(
  routes: Record<string, FixtureRoute>,
  host = "127.0.0.1",
): Promise<FixtureSite> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? "/").split("?")[0] ?? "/");
    hits.push(path);
    const route = routes[path];
    if (!route) {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      response.end("<h1>ไม่พบหน้า</h1>");
      return;
    }
    if (route.handle) return route.handle(request, response);
    response.writeHead(route.status ?? 200, {
      "content-type": route.type ?? "text/html; charset=utf-8",
      ...route.headers,
    });
    response.end(route.body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
