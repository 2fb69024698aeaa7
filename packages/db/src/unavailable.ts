/**
 * Whether a failure means the database cannot be reached right now (stopped, restarting, the
 * network between) rather than that a statement was wrong: such a request is answered 503 with
 * Retry-After and succeeds when repeated, after the pool has connected again.
 */

/** mysql2's and Node's codes of a connection that failed, broke, or a server going away. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  // 1053: the server is shutting down; 1927: the connection was killed (a restart); 1040: no free connection.
  "ER_SERVER_SHUTDOWN",
  "ER_CONNECTION_KILLED",
  "ER_CON_COUNT_ERROR",
]);

/**
 * The code saying why the database cannot be reached (ECONNREFUSED, PROTOCOL_CONNECTION_LOST …;
 * "CONNECTION_CLOSED" for a closed connection mysql2 gave no code), or null when the failure is
 * of another kind. A code, never a message: a message may name the host or quote a statement.
 */
export function unavailabilityOf(error: unknown): string | null {
  // Causes are followed a few steps (a wrapped error, tRPC's cause); never in a loop.
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, fatal, cause } = current as { code?: unknown; fatal?: unknown; cause?: unknown };
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return code;
    // The server answered with an error of its own (a wrong password, an unknown database): no
    // retry makes that work, whatever mysql2 says of the connection.
    if (typeof code === "string" && code.startsWith("ER_")) return null;
    // mysql2 marks the errors that ended a connection (a closed socket, a killed server) fatal.
    if (fatal === true) return typeof code === "string" ? code : "CONNECTION_CLOSED";
    current = cause;
  }
  return null;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailabilityOf(error) !== null;
}
