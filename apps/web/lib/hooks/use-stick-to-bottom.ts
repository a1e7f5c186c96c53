'use client';

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

const SLACK_PX = 24;

type StickToBottom = {
  ref: RefObject<HTMLDivElement | null>;
  /** False once the user has scrolled up; new content then leaves the view where it is. */
  stuck: boolean;
  onScroll: () => void;
  scrollToBottom: () => void;
};

/** Keeps a scrolling list at its newest row while new rows arrive, unless the user scrolled up. */
export function useStickToBottom(contentVersion: unknown): StickToBottom {
  const ref = useRef<HTMLDivElement | null>(null);
  const stuckRef = useRef(true);
  const [stuck, setStuck] = useState(true);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    const atBottom = distance <= SLACK_PX;
    if (atBottom === stuckRef.current) return;
    stuckRef.current = atBottom;
    setStuck(atBottom);
  }, []);

  const scrollToBottom = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    stuckRef.current = true;
    setStuck(true);
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && stuckRef.current) element.scrollTop = element.scrollHeight;
  }, [contentVersion]);

  return { ref, stuck, onScroll, scrollToBottom };
}
