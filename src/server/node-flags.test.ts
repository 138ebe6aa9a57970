import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS, withServerFlags } from "./node-flags.ts";

const root = new URL("../../", import.meta.url);

describe("the server's V8 flags", () => {
  it("are passed the same by npm start and the prongsai bin", () => {
    const { scripts } = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
      scripts: Record<string, string>;
    };
    const shebang = readFileSync(new URL("bin/prongsai.js", root), "utf8").split("\n")[0];
    for (const flag of SERVER_NODE_FLAGS) {
      expect(scripts.start).toContain(flag);
      expect(shebang).toContain(flag);
    }
  });

  it("are added once to a worker's arguments", () => {
    expect(withServerFlags(["--cpu-prof"])).toEqual(["--cpu-prof", ...SERVER_NODE_FLAGS]);
    expect(withServerFlags(SERVER_NODE_FLAGS)).toEqual([...SERVER_NODE_FLAGS]);
  });
});
