import { sendChatMessage } from '../api/api-client';
import { ApiRequestError } from '../api/api-request-error';
import { useMooringStore } from '../store/mooring-store';

let counter = 0;

/**
 * Sends one chat turn. The message shows at once as a local turn; the reply streams in through
 * the run's events, and the text `POST /chat` returns is kept in case no events describe it.
 */
export async function sendChat(agentId: string, runId: string, text: string): Promise<void> {
  const { addLocalTurn, patchLocalTurn } = useMooringStore.getState().actions;
  counter += 1;
  const id = `${Date.now().toString(36)}-${counter}`;
  addLocalTurn(runId, { id, text, sentAt: Date.now(), state: 'sending', reply: null, error: null });

  try {
    const response = await sendChatMessage(agentId, text);
    patchLocalTurn(runId, id, { state: 'sent', reply: response.text });
  } catch (error) {
    // The agent got the message and failed on it: the reply's events show that failure.
    if (error instanceof ApiRequestError && error.code === 'agent_error') {
      patchLocalTurn(runId, id, { state: 'sent' });
      return;
    }
    const message = error instanceof ApiRequestError ? error.describe() : String(error);
    patchLocalTurn(runId, id, { state: 'failed', error: message });
  }
}
