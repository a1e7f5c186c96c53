/**
 * Polls the host's health endpoint until it answers 2xx or the signal aborts. The host binds its
 * port only once the agent has loaded, so connection errors are expected early on.
 */
export async function waitForHealth(baseUrl: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100, signal);
  }
  throw signal.reason instanceof Error ? signal.reason : new Error('health wait aborted');
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
