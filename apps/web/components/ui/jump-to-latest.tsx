type JumpToLatestProps = { onClick: () => void; label?: string };

/** Floats over a scrolled-up list and brings it back to the newest row. */
export function JumpToLatest({ onClick, label = 'Jump to latest' }: JumpToLatestProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="absolute right-3 bottom-3 rounded-full border border-line-strong bg-raised/95 px-3
        py-1 text-2xs text-dim shadow-lg shadow-black/40 hover:text-fg"
    >
      ↓ {label}
    </button>
  );
}
