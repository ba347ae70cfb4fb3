import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../engine/scenario/load';
import { validateCommand } from './validate';

const FILE = 'test/unit/fixtures/unanswerable-question.yaml';

describe('validate resolves question answers against the world', () => {
  it('reports a question the world cannot answer, at its position, though the file loads', async () => {
    const text = readFileSync(FILE, 'utf8');
    expect(loadScenario(text, { fileName: FILE }).ok).toBe(true);
    let out = '';
    let err = '';
    const io = {
      readFile: async () => text,
      writeFile: async () => {},
      stdout: (s: string) => { out += s; },
      stderr: (s: string) => { err += s; },
    };
    expect(await validateCommand([FILE], io)).toBe(1);
    expect(out).toBe('');
    expect(err.split('\n')[0]).toBe(`${FILE}:30:41: error: the world cannot produce this answer: entity "lonely" has no peer address`);
  });
});
