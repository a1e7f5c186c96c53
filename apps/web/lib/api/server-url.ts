type Origin = { protocol: string; host: string };

/**
 * Where the Mooring server lives. In production the web app is served by the server itself, so
 * everything is same-origin; in `turbo dev` Next runs on its own port and
 * `NEXT_PUBLIC_MOORING_SERVER` names the server (default there: `http://127.0.0.1:4100`).
 */
export function resolveServerOrigin(configured: string | undefined, location: Origin): Origin {
  const base = configured?.trim();
  if (!base) return { protocol: location.protocol, host: location.host };

  const url = new URL(base);
  return { protocol: url.protocol, host: url.host };
}

/** Turns a server path into an absolute URL for `http` (fetch) or `ws` (WebSocket). */
export function buildServerUrl(origin: Origin, path: string, scheme: 'http' | 'ws'): string {
  const secure = origin.protocol === 'https:' || origin.protocol === 'wss:';
  const protocol = scheme === 'ws' ? (secure ? 'wss:' : 'ws:') : secure ? 'https:' : 'http:';
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${protocol}//${origin.host}${suffix}`;
}

/** Where `npm run dev` finds the server when `NEXT_PUBLIC_MOORING_SERVER` is not set. */
const DEV_SERVER = 'http://127.0.0.1:4100';

function currentOrigin(): Origin {
  // Next inlines NEXT_PUBLIC_* and NODE_ENV at build time: keep these literal property reads.
  const configured = process.env.NEXT_PUBLIC_MOORING_SERVER;
  const fallback = process.env.NODE_ENV === 'development' ? DEV_SERVER : undefined;
  return resolveServerOrigin(configured ?? fallback, window.location);
}

export function httpUrl(path: string): string {
  return buildServerUrl(currentOrigin(), path, 'http');
}

export function wsUrl(path: string): string {
  return buildServerUrl(currentOrigin(), path, 'ws');
}
