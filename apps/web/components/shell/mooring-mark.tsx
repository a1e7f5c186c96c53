/** The Mooring anchor, drawn inline so the static export needs no image request. */
export function MooringMark() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className="size-5 shrink-0">
      <rect width="32" height="32" rx="7" fill="#173a66" />
      <path
        d="M16 7v16M11 11h10M8 18c1.5 4 4.5 6 8 6s6.5-2 8-6"
        fill="none"
        stroke="#bfe0ff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
