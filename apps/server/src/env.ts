/**
 * The server's configuration: the platform's one environment schema, kept in @hcp/db so the
 * maintenance commands below apps/ read the same one (see packages/db/src/env.ts).
 */
export { childEnv, missingForProduction, readEnv } from "@hcp/db/env";
