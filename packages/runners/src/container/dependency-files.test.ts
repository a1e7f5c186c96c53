import { describe, expect, it } from 'vitest';
import { dependencyPlan } from './dependency-files';

describe('dependencyPlan', () => {
  it('prefers requirements.txt and spots references to local paths', () => {
    const both = new Set(['requirements.txt', 'pyproject.toml']);
    expect(dependencyPlan(both, 'google-adk>=1.18\n# -e .\n')).toEqual({
      kind: 'requirements',
      file: 'requirements.txt',
      needsSource: false,
    });
    for (const local of ['-e .', '-r base.txt', './wheels/x.whl', 'pkg @ file:///x']) {
      expect(dependencyPlan(both, `requests\n${local}\n`)).toMatchObject({ needsSource: true });
    }
  });

  it('falls back to pyproject.toml, then to nothing', () => {
    expect(dependencyPlan(new Set(['pyproject.toml']), undefined)).toEqual({
      kind: 'pyproject',
      file: 'pyproject.toml',
    });
    expect(dependencyPlan(new Set(['agent.py']), undefined)).toEqual({ kind: 'none' });
  });
});
