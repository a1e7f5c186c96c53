import { describe, expect, it } from 'vitest';
import { imageNameComponent, imageTag } from './image-tag';

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

describe('imageNameComponent', () => {
  it.each([
    ['weather_assistant', 'weather_assistant'],
    ['Story.Dice', 'story.dice'],
    ['a..b', 'a-b'],
    ['a__b', 'a__b'],
    ['a___b', 'a-b'],
    ['a--b', 'a--b'],
    ['_hidden-', 'hidden'],
    ['...', 'agent'],
    ['a._b', 'a-b'],
  ])('%s -> %s', (id, expected) => {
    expect(imageNameComponent(id)).toBe(expected);
    expect(imageNameComponent(id)).toMatch(COMPONENT);
  });

  it('stays valid for long ids', () => {
    const name = imageNameComponent(`${'x'.repeat(119)}.${'y'.repeat(50)}`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(COMPONENT);
  });
});

describe('imageTag', () => {
  it('uses the first 12 hex digits of the hash', () => {
    expect(imageTag('Weather', 'abcdef0123456789')).toBe('mooring/weather:abcdef012345');
  });
});
