/** Shown after the user's turn until the first piece of the reply arrives. */
export function WaitingIndicator() {
  return (
    <div data-testid="chat-waiting" className="flex items-center gap-1 pl-1" aria-label="Waiting">
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          aria-hidden
          className="size-1.5 animate-pulse rounded-full bg-faint"
          style={{ animationDelay: `${delay}ms` }}
        />
      ))}
    </div>
  );
}
