import { describe, expect, it } from 'vitest';
import { groupAgentsByRoot } from './group-agents-by-root';

describe('groupAgentsByRoot', () => {
  it('groups by root in first-seen order', () => {
    const groups = groupAgentsByRoot(['a', 'b', 'c'], ['/x', '/y', '/x']);
    expect(groups).toEqual([
      { root: '/x', agentIds: ['a', 'c'] },
      { root: '/y', agentIds: ['b'] },
    ]);
  });
});
