 
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factTableMarkdown, stateCheckMarkdown } from './reference';

const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const between = (tag: string) => readme.split(`<!-- ${tag}:begin -->\n`)[1]?.split(`\n<!-- ${tag}:end -->`)[0];

describe('scoring README', () => {
  it('holds the fact table and the state checks as the code defines them', () => {
    expect(between('facts')).toBe(factTableMarkdown());
    expect(between('checks')).toBe(stateCheckMarkdown());
  });
});
