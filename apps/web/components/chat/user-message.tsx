import type { ChatItem } from '../../lib/chat/chat-item';

type UserItem = Extract<ChatItem, { kind: 'user' }>;

const stateNote: Record<UserItem['state'], string | null> = {
  confirmed: null,
  sent: null,
  sending: 'sending…',
  failed: 'not delivered',
};

export function UserMessage({ item }: { item: UserItem }) {
  const failed = item.state === 'failed';
  const bubble = failed
    ? 'border-red-500/40 bg-red-500/10'
    : 'border-accent-strong/40 bg-accent-strong/15';
  const note = stateNote[item.state];
  return (
    <div
      data-testid="chat-message"
      data-role="user"
      data-state={item.state}
      className="flex flex-col items-end gap-1 pl-10"
    >
      <div className={`rounded-lg rounded-br-sm border px-3 py-1.5 whitespace-pre-wrap ${bubble}`}>
        {item.text}
      </div>
      {note && <span className="text-2xs text-faint">{note}</span>}
      {item.error && <span className="text-2xs text-red-300">{item.error}</span>}
    </div>
  );
}
