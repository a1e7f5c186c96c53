'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '../ui/button';

type ChatComposerProps = {
  disabled: boolean;
  /** Why Send is disabled though the box is not, e.g. while the hub link is down. */
  holdReason?: string | undefined;
  placeholder: string;
  onSend: (text: string) => void;
};

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function ChatComposer({ disabled, holdReason, placeholder, onSend }: ChatComposerProps) {
  const [text, setText] = useState('');
  const id = useId();
  const canSend = !disabled && !holdReason && text.trim().length > 0;

  const send = () => {
    if (!canSend) return;
    onSend(text.trim());
    setText('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  };

  return (
    <form onSubmit={onSubmit} className="flex shrink-0 items-end gap-2 border-t border-line p-2">
      <label htmlFor={id} className="sr-only">
        Message
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        className="min-h-9 flex-1 resize-none rounded-md border border-line-strong bg-canvas px-2.5
          py-1.5 text-[13px] placeholder:text-faint focus:border-accent-strong focus:outline-none
          disabled:cursor-not-allowed disabled:opacity-50"
      />
      <Button
        type="submit"
        tone="primary"
        disabled={!canSend}
        title={disabled ? undefined : holdReason}
        className="h-9 px-3"
      >
        Send
      </Button>
    </form>
  );
}
