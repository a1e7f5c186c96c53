'use client';

import { isActive, type AgentView } from '@mooring/protocol';
import { useMemo } from 'react';
import { sendChat } from '../../lib/actions/send-chat';
import { deriveChat } from '../../lib/chat/derive-chat';
import type { ChatItem } from '../../lib/chat/chat-item';
import type { LocalTurn } from '../../lib/chat/local-turn';
import { OFFLINE_REASON, useOffline } from '../../lib/hooks/use-offline';
import { useStickToBottom } from '../../lib/hooks/use-stick-to-bottom';
import { useMooringStore } from '../../lib/store/mooring-store';
import { JumpToLatest } from '../ui/jump-to-latest';
import { Panel } from '../ui/panel';
import { AgentMessage } from './agent-message';
import { ChatComposer } from './chat-composer';
import { UserMessage } from './user-message';
import { WaitingIndicator } from './waiting-indicator';

const NONE: readonly never[] = [];
const NO_TURNS: readonly LocalTurn[] = [];

function ChatRow({ item, agentName }: { item: ChatItem; agentName: string }) {
  if (item.kind === 'user') return <UserMessage item={item} />;
  if (item.kind === 'agent') return <AgentMessage item={item} />;
  return <WaitingIndicator agentName={agentName} />;
}

function emptyHint(agent: AgentView, running: boolean, past: boolean, loaded: boolean): string {
  if (past) return loaded ? 'Nobody chatted with the agent in this run.' : 'Loading the run…';
  if (running) return `Say something to ${agent.name}. Replies stream in as the agent works.`;
  if (isActive(agent.status)) return 'The chat opens once the agent is running.';
  return 'Start the agent to chat with it. Each run keeps one conversation.';
}

function turnCount(turns: number): string | undefined {
  if (turns === 0) return undefined;
  return turns === 1 ? '1 turn' : `${turns} turns`;
}

type ChatPanelProps = {
  agent: AgentView;
  runId: string | null;
  /** A recorded past run: shown read-only. */
  past: boolean;
};

function placeholder(agent: AgentView, running: boolean, past: boolean): string {
  if (past) return 'Viewing a past run';
  return running ? `Message ${agent.name}` : 'The agent is not running';
}

/** The conversation with the selected agent's current run, or with a past one, read-only. */
export function ChatPanel({ agent, runId, past }: ChatPanelProps) {
  const record = useMooringStore((state) => (runId ? state.runs[runId] : undefined));
  const local = useMooringStore((state) => (runId ? state.localTurns[runId] : undefined));
  const envelopes = record?.envelopes ?? NONE;
  const chat = record?.chat ?? NONE;
  const localTurns = local ?? NO_TURNS;

  const items = useMemo(
    () => deriveChat({ agentName: agent.name, envelopes, chat, local: localTurns }),
    [agent.name, envelopes, chat, localTurns],
  );
  const { ref, stuck, onScroll, scrollToBottom } = useStickToBottom(items);
  const offline = useOffline();
  const running = !past && agent.status === 'running' && runId !== null && agent.run?.id === runId;
  const turns = items.filter((item) => item.kind === 'user').length;

  return (
    <Panel title="Chat" meta={turnCount(turns)} testId="chat-panel" dataRunId={runId ?? undefined}>
      <div className="relative flex min-h-0 flex-1 flex-col">
        <div
          ref={ref}
          onScroll={onScroll}
          className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-3 py-3"
        >
          {items.length === 0 && (
            <p className="m-auto max-w-64 text-center text-xs text-faint">
              {emptyHint(agent, running, past, record?.historyLoaded === true)}
            </p>
          )}
          {items.map((item) => (
            <ChatRow key={item.key} item={item} agentName={agent.name} />
          ))}
        </div>
        {!stuck && <JumpToLatest onClick={scrollToBottom} label="Latest" />}
      </div>
      {past && (
        <p
          data-testid="chat-readonly-note"
          className="shrink-0 border-t border-line px-3 pt-1.5 text-2xs text-faint"
        >
          Viewing a past run: the chat is read-only.
        </p>
      )}
      <ChatComposer
        disabled={!running}
        holdReason={offline ? OFFLINE_REASON : undefined}
        placeholder={placeholder(agent, running, past)}
        onSend={(text) => runId && void sendChat(agent.id, runId, text)}
      />
    </Panel>
  );
}
