/**
 * A message typed in this browser. It shows at once, before the server records the turn, and
 * keeps the reply from `POST /chat` in case no events for it arrive.
 */
export type LocalTurn = {
  id: string;
  text: string;
  sentAt: number;
  state: 'sending' | 'sent' | 'failed';
  reply: string | null;
  error: string | null;
};
