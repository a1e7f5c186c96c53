import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('changes with file content and ignores caches', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mooring-hash-'));
    await writeFile(path.join(dir, 'requirements.txt'), 'google-adk\n');
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'src', 'a.py'), 'x = 1\n');
    const inputs = [{ file: path.join(dir, 'requirements.txt') }, { dir: path.join(dir, 'src') }];
    const first = await contentHash(inputs);

    await mkdir(path.join(dir, 'src', '__pycache__'));
    await writeFile(path.join(dir, 'src', '__pycache__', 'a.pyc'), 'bytecode');
    await mkdir(path.join(dir, 'src', '.pytest_cache'));
    await writeFile(path.join(dir, 'src', '.pytest_cache', 'v'), 'cache');
    expect(await contentHash(inputs)).toBe(first);

    await writeFile(path.join(dir, 'requirements.txt'), 'google-adk\nrequests\n');
    const second = await contentHash(inputs);
    expect(second).not.toBe(first);

    await writeFile(path.join(dir, 'src', 'a.py'), 'x = 2\n');
    expect(await contentHash(inputs)).not.toBe(second);
  });

  it('tells an absent file from an empty one', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mooring-hash-'));
    const file = path.join(dir, 'pyproject.toml');
    const absent = await contentHash([{ file }]);
    await writeFile(file, '');
    expect(await contentHash([{ file }])).not.toBe(absent);
  });
});
