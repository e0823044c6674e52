// Removes dist/ before a build. tsup's own `clean` option runs per config
// object, and the configs build in parallel, so one would delete another's
// output.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
