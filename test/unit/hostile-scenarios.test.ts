/**
 * Hostile scenario files: each must be refused with a positioned message,
 * quickly, without throwing, without a stack overflow and without touching
 * anything outside the loader's result.
 */
import { describe, expect, it } from 'vitest';
import { GOOD, loadStandIn, only } from './scenario-stand-in';

const DEPTH =
  'the document nests deeper than 64 levels'
  + ' | flatten the structure; no scenario field needs this much nesting';

function billionLaughs(levels: number): string {
  const lines = ['id: lol', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) {
    const refs = Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ');
    lines.push(`a${i}: &a${i} [${refs}]`);
  }
  return lines.join('\n') + '\n';
}

describe('hostile scenario files', () => {
  it('refuses a billion-laughs alias bomb without expanding it', () => {
    expect(only(billionLaughs(10))).toBe(
      '1:1-1:1 aliases expand to too much data (possible "billion laughs" file)'
      + ' | use fewer *alias references; at most 200 expansions are allowed',
    );
  });

  it('still allows a few ordinary aliases', () => {
    const text = GOOD.replace('hostname: web01', 'hostname: &h web01')
      .replace('user: deploy', 'user: *h');
    expect(only(text)).toBe('OK');
  });

  it('refuses a 10 MB file before parsing it', () => {
    const text = 'id: x\ndata: "' + 'A'.repeat(10 * 1024 * 1024) + '"\n';
    expect(only(text)).toBe(
      '1:1-1:1 the file is too large (10.0 MB); the limit is 1 MB'
      + ' | split the scenario or remove bulk data such as long log excerpts',
    );
  });

  it('counts the size in UTF-8 bytes', () => {
    const text = 'id: x\ntitle: "' + 'é'.repeat(600 * 1024) + '"\n';
    expect(only(text)).toBe(
      '1:1-1:1 the file is too large (1.2 MB); the limit is 1 MB'
      + ' | split the scenario or remove bulk data such as long log excerpts',
    );
  });

  it('refuses 10,000 nested flow lists', () => {
    expect(only('['.repeat(10000))).toBe(`1:65-1:66 ${DEPTH}`);
    expect(only('['.repeat(10000) + ']'.repeat(10000))).toBe(`1:65-1:66 ${DEPTH}`);
  });

  it('refuses 10,000 nested flow mappings', () => {
    expect(only('a: ' + '{a: '.repeat(10000))).toBe(`1:256-1:257 ${DEPTH}`);
  });

  it('refuses deep block indentation', () => {
    let text = '';
    for (let i = 0; i < 1000; i++) text += ' '.repeat(i) + `k${i}:\n`;
    expect(only(text)).toBe(`65:65-65:66 ${DEPTH}`);
  });

  it('refuses deep compact lists', () => {
    expect(only('- '.repeat(10000) + 'x\n')).toBe(`1:129-1:130 ${DEPTH}`);
  });

  it('refuses nesting past the limit that the raw estimate lets through', () => {
    const text = 'id: x\nhost: ' + '['.repeat(80) + ']'.repeat(80) + '\n';
    expect(only(text)).toBe(`2:70-2:104 ${DEPTH}`);
  });

  it('refuses __proto__, constructor and prototype keys and pollutes nothing', () => {
    const text = GOOD + '__proto__:\n  polluted: yes\nhost2:\n  constructor: {prototype: 1}\n';
    expect(only(text)).toBe([
      '18:1-18:10 `__proto__` cannot be used as a key'
      + ' | rename this key; it is reserved because it could alter how data is read',
      '21:3-21:14 `constructor` cannot be used as a key'
      + ' | rename this key; it is reserved because it could alter how data is read',
      '21:17-21:26 `prototype` cannot be used as a key'
      + ' | rename this key; it is reserved because it could alter how data is read',
    ].join('\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses a quoted "__proto__" key too', () => {
    expect(only('"__proto__": {x: 1}\n')).toBe(
      '1:1-1:12 `__proto__` cannot be used as a key'
      + ' | rename this key; it is reserved because it could alter how data is read',
    );
  });

  it('refuses NUL bytes at their position', () => {
    expect(only('id: demo\ntitle: a\u0000b\n')).toBe(
      '2:9-2:10 the file contains a NUL byte'
      + ' | a scenario is a UTF-8 text file; is this a binary file or the wrong encoding?',
    );
  });

  it('refuses binary garbage', () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256));
    expect(only('PK\u0003\u0004' + bytes.join(''))).toBe(
      '1:3-1:4 the file contains the control character U+0003'
      + ' | a scenario is a UTF-8 text file; is this a binary file or the wrong encoding?',
    );
  });

  it('reports thousands of duplicate keys in linear time, capped', () => {
    const result = loadStandIn('a: 1\n'.repeat(3000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(101);
    expect(result.diagnostics[0]?.message).toBe('duplicate key `a` (first defined on line 1)');
    expect(result.diagnostics[100]?.message).toBe('… and 2899 more problems not shown');
  });

  it('refuses a file with too many entries before parsing it', () => {
    expect(only('a:\n' + '- 0\n'.repeat(25000))).toBe(
      '20001:1-20001:2 the file has too many entries (more than 20,000)'
      + ' | a scenario describes one host; generate repetitive data with a behaviour instead',
    );
    expect(only('a: [' + '0,'.repeat(25000) + ']\n')).toBe(
      '1:40004-1:40005 the file has too many entries (more than 20,000)'
      + ' | a scenario describes one host; generate repetitive data with a behaviour instead',
    );
  });

  it('checks many aliases of a large anchor without expanding or rescanning', () => {
    const list = Array.from({ length: 5000 }, () => '0').join(', ');
    const refs = Array.from({ length: 150 }, () => '*a').join(', ');
    const result = loadStandIn(`id: x\na: &a [${list}]\nb: [${refs}, *nope]\n`);
    expect(result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '3:605 unknown alias `*nope`',
    ]);
  });

  it('never throws, whatever it is given', () => {
    const inputs = [
      '{', '}', ']', '[', '&a', '*a', '!', '%YAML 1.1\n---\na: 1', '? [a]\n: b\n',
      ':', '- - - -', '"\\x', 'a: |\n  x\n b', '@foo', '`x`', 'a: !!binary ?',
      'a: 1\n'.repeat(2000), ('x: '.repeat(300) + '\n'), '\uD800',
    ];
    for (const text of inputs) {
      const result = loadStandIn(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
