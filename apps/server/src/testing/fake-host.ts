import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for ADK's API server: hands out a session and answers every turn with SSE, or with
 * the run error ADK sends when the next turns were told to fail (`failNext`).
 */
export async function startFakeHost(reply = 'hello from the fake host') {
  const failNext: string[] = [];
  const server: Server = createServer((request, response) => {
    if (request.url?.endsWith('/sessions')) {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ id: 'session-1' }));
      return;
    }
    response.setHeader('content-type', 'text/event-stream');
    if (failNext.length > 0) {
      // As ADK's API server reports a run that raised.
      const error = failNext.shift() ?? 'ValueError: the model failed';
      response.end(`data: ${JSON.stringify({ error, error_details: {} })}\n\n`);
      return;
    }
    const partial = { author: 'agent', partial: true, content: { parts: [{ text: 'hel' }] } };
    const final = { author: 'agent', content: { parts: [{ text: reply }] } };
    response.end(`data: ${JSON.stringify(partial)}\n\ndata: ${JSON.stringify(final)}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failNext,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
