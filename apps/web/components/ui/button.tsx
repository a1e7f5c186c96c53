import type { ButtonHTMLAttributes } from 'react';

type Tone = 'primary' | 'danger' | 'neutral';

const tones: Record<Tone, string> = {
  primary: 'border-accent-strong/70 bg-accent-strong/20 text-sky-100 hover:bg-accent-strong/35',
  danger: 'border-red-500/40 bg-red-500/10 text-red-200 hover:bg-red-500/20',
  neutral: 'border-line-strong bg-raised text-fg hover:bg-hover',
};

const base =
  'inline-flex h-7 items-center justify-center gap-1.5 rounded-md border px-2.5 text-xs ' +
  'font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-40';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { tone?: Tone };

export function Button({
  tone = 'neutral',
  className = '',
  type = 'button',
  ...rest
}: ButtonProps) {
  return <button type={type} className={`${base} ${tones[tone]} ${className}`} {...rest} />;
}
