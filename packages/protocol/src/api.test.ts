import { describe, expect, it } from 'vitest';
import { agentIdSchema, startRequestSchema } from './api';

describe('agentIdSchema', () => {
  it.each(['weather_assistant', 'agents.weather', 'a-b_c.d2'])('accepts %s', (id) => {
    expect(agentIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['', '..', '../etc', 'a/b', 'a..b', '.hidden', 'a.', 'x\\y', 'a b', '%2e%2e'])(
    'refuses %j',
    (id) => {
      expect(agentIdSchema.safeParse(id).success).toBe(false);
    },
  );
});

describe('startRequestSchema', () => {
  it('takes the two modes and nothing else', () => {
    expect(startRequestSchema.parse({ mode: 'venv' })).toEqual({ mode: 'venv' });
    expect(startRequestSchema.parse({ mode: 'container' })).toEqual({ mode: 'container' });
    expect(startRequestSchema.safeParse({ mode: 'docker' }).success).toBe(false);
    expect(startRequestSchema.safeParse({}).success).toBe(false);
  });
});
