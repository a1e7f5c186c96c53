import type { ChatTurn } from '@mooring/protocol';

const turnKey = (turn: ChatTurn): string => `${turn.role}\u0000${turn.ts}\u0000${turn.text}`;

/** Adds chat turns the list does not hold yet, keeping them in time order. */
export function mergeChatTurns(
  current: readonly ChatTurn[],
  incoming: readonly ChatTurn[],
): readonly ChatTurn[] {
  const known = new Set(current.map(turnKey));
  const fresh = incoming.filter((turn) => !known.has(turnKey(turn)));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => a.ts - b.ts);
}
