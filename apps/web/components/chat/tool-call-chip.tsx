import { useState } from 'react';
import { compactJson } from '../../lib/format/compact-json';
import type { ToolCall } from '../../lib/chat/chat-item';

/** `get_weather({"city":"Paris"})` over `→ {...}`, expandable to the full call and response. */
export function ToolCallChip({ call }: { call: ToolCall }) {
  const [open, setOpen] = useState(false);
  const args = call.args === null ? '…' : compactJson(call.args ?? {}, 200);
  const result = call.answered ? compactJson(call.response, 200) : 'running…';

  return (
    <div
      data-testid="tool-call"
      data-tool={call.name}
      data-answered={call.answered}
      className="max-w-full rounded-md border border-amber-500/25 bg-amber-500/5 font-mono text-2xs"
    >
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full min-w-0 flex-col px-2 py-1 text-left"
      >
        <span className="flex w-full min-w-0 gap-1.5">
          <span aria-hidden className="text-amber-300">
            ƒ
          </span>
          <span className="truncate text-amber-100">
            {call.name}({args})
          </span>
        </span>
        <span className="flex w-full min-w-0 gap-1.5">
          <span aria-hidden className="text-faint">
            →
          </span>
          <span className={`truncate ${call.answered ? 'text-dim' : 'text-faint italic'}`}>
            {result}
          </span>
        </span>
      </button>
      {open && (
        <pre className="overflow-x-auto border-t border-amber-500/15 px-2 py-1.5 text-dim">
          {JSON.stringify({ args: call.args, response: call.response }, null, 2)}
        </pre>
      )}
    </div>
  );
}
