import type { AgentSegment, ChatItem } from '../../lib/chat/chat-item';
import { ToolCallChip } from './tool-call-chip';

type AgentItem = Extract<ChatItem, { kind: 'agent' }>;

function Segment({ segment }: { segment: AgentSegment }) {
  if (segment.kind === 'tool') return <ToolCallChip call={segment.call} />;
  if (segment.kind === 'error') {
    return (
      <p data-testid="chat-error" className="text-xs text-red-300">
        {segment.message}
      </p>
    );
  }
  return (
    <p className="whitespace-pre-wrap">
      {segment.text}
      {segment.streaming && (
        <span aria-hidden className="ml-0.5 inline-block h-3.5 w-1.5 animate-caret bg-sky-300/80" />
      )}
    </p>
  );
}

/** One reply: its text and tool calls in the order the agent produced them. */
export function AgentMessage({ item }: { item: AgentItem }) {
  return (
    <div
      data-testid="chat-message"
      data-role="agent"
      data-streaming={item.streaming}
      className="flex flex-col gap-1 pr-6"
    >
      <span className="font-mono text-2xs text-faint">{item.author}</span>
      <div
        className="flex flex-col gap-1.5 rounded-lg rounded-tl-sm border border-line bg-raised
        px-3 py-2"
      >
        {item.segments.map((segment, i) => (
          <Segment key={i} segment={segment} />
        ))}
      </div>
    </div>
  );
}
