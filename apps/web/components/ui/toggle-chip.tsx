type ToggleChipProps = { label: string; checked: boolean; onChange: (checked: boolean) => void };

/** A small checkbox styled as a chip, for view options in a panel header. */
export function ToggleChip({ label, checked, onChange }: ToggleChipProps) {
  return (
    <label
      className="flex h-5 cursor-pointer items-center gap-1 rounded border border-line px-1.5
        text-2xs text-faint select-none hover:text-dim has-checked:border-line-strong
        has-checked:text-dim"
    >
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className="size-3 accent-sky-500"
      />
      {label}
    </label>
  );
}
