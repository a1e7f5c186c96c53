/** Shown after the user's turn until the first piece of the reply (or an error) arrives. */
export function WaitingIndicator({ agentName }: { agentName: string }) {
  return (
    <div
      data-testid="chat-waiting"
      role="status"
      aria-label={`Waiting for ${agentName} to reply`}
      className="flex flex-col gap-1 pr-6"
    >
      <span className="font-mono text-2xs text-faint">{agentName}</span>
      <div
        className="flex h-8 w-fit items-center gap-1.5 rounded-lg rounded-tl-sm border
          border-line bg-raised px-3"
      >
        {[0, 160, 320].map((delay) => (
          <span
            key={delay}
            aria-hidden
            className="size-1.5 animate-bounce rounded-full bg-sky-300/70"
            style={{ animationDelay: `${delay}ms` }}
          />
        ))}
        <span className="ml-1 text-2xs text-faint">waiting for the reply…</span>
      </div>
    </div>
  );
}
