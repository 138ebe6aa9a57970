// Node 20 does not pass loaders to worker threads: register tsx here, then load the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./document-worker.ts");
