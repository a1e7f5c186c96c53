/**
 * One chat turn straight to an agent host's own ADK API, in a new session unless one is given;
 * resolves with the session once the reply has ended.
 */
export async function chatWithHost(
  baseUrl: string,
  appName: string,
  text: string,
  sessionId?: string,
): Promise<string> {
  // A user of its own, so these turns never touch the sessions Mooring keeps for its runs.
  const json = { 'content-type': 'application/json' };
  let session = sessionId;
  if (!session) {
    const url = `${baseUrl}/apps/${appName}/users/u/sessions`;
    const created = await fetch(url, { method: 'POST', headers: json, body: '{}' });
    if (!created.ok) throw new Error(`creating a session answered ${created.status}`);
    session = ((await created.json()) as { id: string }).id;
  }
  const response = await fetch(`${baseUrl}/run_sse`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      appName,
      userId: 'u',
      sessionId: session,
      newMessage: { role: 'user', parts: [{ text }] },
      streaming: true,
    }),
  });
  if (!response.ok) throw new Error(`run_sse answered ${response.status}`);
  await response.text();
  return session;
}
