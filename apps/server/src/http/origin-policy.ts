/**
 * Browsers send `Origin` on every cross-site request and WebSocket upgrade; only Mooring's own
 * pages may drive the API. Scripts and curl send no `Origin` and are let through, since the
 * API only listens on loopback unless configured otherwise.
 */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin);
}

/** The origins a browser sees when it loads Mooring from its own address. */
export function ownOrigins(host: string, port: number): string[] {
  const hosts = host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', 'localhost'] : [host];
  return hosts.map((name) => `http://${name}:${port}`);
}
