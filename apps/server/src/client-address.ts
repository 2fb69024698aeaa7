import type { IncomingMessage } from "node:http";

import proxyAddr from "proxy-addr";

/**
 * The citizen's address, for the per-address limits (online rating, pairing and sign-in attempts)
 * and the audit's sign-in records. Behind nginx every request comes from the proxy's address, so
 * all citizens would share one bucket; the address the proxy saw is in X-Forwarded-For. That
 * header is anyone's to write, so it is read only through proxies the operator named in
 * HCP_TRUST_PROXY (addresses, CIDRs, or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`): from the socket backwards, the first address not a trusted proxy is the
 * client's. Without the setting the socket's address is the client's, whatever the header says.
 */
export function clientAddressReader(trustProxy: string | undefined): (req: IncomingMessage) => string | null {
  const trusted = (trustProxy ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  if (trusted.length === 0) return (req) => req.socket.remoteAddress ?? null;
  let trust: ReturnType<typeof proxyAddr.compile>;
  try {
    trust = proxyAddr.compile(trusted);
  } catch (error) {
    // The server refuses to start with an entry that is no address, CIDR or name.
    throw new Error(`HCP_TRUST_PROXY: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (req) => (req.socket.remoteAddress === undefined ? null : proxyAddr(req, trust));
}
