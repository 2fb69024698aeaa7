/**
 * `pnpm build`: the production server bundle, dist/main.mjs (see bundle.ts). `npm start` builds it
 * before starting; run it again after changing the sources.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { bundleServer } from "./bundle";

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

await bundleServer(resolve(serverDir, "src/main.ts"), resolve(serverDir, "dist/main.mjs"));
