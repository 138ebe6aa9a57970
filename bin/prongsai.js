#!/usr/bin/env -S node --max-semi-space-size=32
// The package ships TypeScript sources; tsx compiles them on load so there is no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
