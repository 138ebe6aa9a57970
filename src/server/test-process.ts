import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { withServerFlags } from "./node-flags.ts";

// Helpers for tests that run `prongsai serve` as a real process, as an operator would.
const bin = fileURLToPath(new URL("../../bin/prongsai.js", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Fails clearly when another program already listens on the port, instead of testing that program. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(new Error(`port ${port} is already in use by another program; choose another one`)),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number>;
  stdout: () => string;
  stderr: () => string;
}

/** Starts `prongsai serve` with the given environment (embedded database unless overridden). */
export function serve(env: Record<string, string>, nodeArgs: string[] = []): ServerProcess {
  const child = spawn(process.execPath, [...withServerFlags(nodeArgs), bin, "serve"], {
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn", ...env },
  });
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code) => resolve(code ?? -1)),
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return { child, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Waits for /readyz to answer and returns its response. */
export async function whenReady(port: number, seconds = 90): Promise<Response> {
  for (let i = 0; i < seconds * 10; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    if (response?.ok) return response;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not become ready within ${seconds} s`);
}
