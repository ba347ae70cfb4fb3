import { describe, expect, it } from 'vitest';
import { parseTailArgs } from './tail-options';

const C = new Map([['LANG', 'C']]);
const parse = (...args: string[]) => parseTailArgs(args, C);

describe("tail's command line", () => {
  it('reads clusters, attached values, long options and their prefixes', () => {
    expect(parse('-fn', '5', 'a')).toEqual({ ok: true, options: {
      count: { unit: 'lines', n: 5, from: false }, follow: 'descriptor', retry: false, headers: 'auto', sleepSeconds: 1, files: ['a'],
    } });
    const o = parse('--foll=name', '--lin=+3', '--ret', '-qs', '0.5', 'a', 'b');
    expect(o.ok && o.options).toMatchObject({ follow: 'name', retry: true, headers: 'never', sleepSeconds: 0.5, count: { n: 3, from: true }, files: ['a', 'b'] });
    expect(parse('-F', '-c', '2K', 'x').ok && parse('-F', '-c', '2K', 'x')).toMatchObject({ options: { follow: 'name', retry: true, count: { unit: 'bytes', n: 2048 } } });
  });

  it('takes the obsolete -NUMf and +NUM forms only first', () => {
    expect(parse('-20f', 'x')).toMatchObject({ options: { follow: 'descriptor', count: { n: 20, from: false }, files: ['x'] } });
    expect(parse('+5', 'x')).toMatchObject({ options: { count: { n: 5, from: true }, files: ['x'] } });
    expect(parse('x', '+5')).toMatchObject({ options: { files: ['x', '+5'] } });
  });

  it('refuses what GNU tail refuses, in its words (C locale quotes)', () => {
    expect(parse('-n')).toEqual({ ok: false, stderr: "tail: option requires an argument -- 'n'\nTry 'tail --help' for more information.\n" });
    expect(parse('--lines')).toEqual({ ok: false, stderr: "tail: option '--lines' requires an argument\nTry 'tail --help' for more information.\n" });
    expect(parse('-nf', 'x')).toEqual({ ok: false, stderr: "tail: invalid number of lines: 'f'\n" });
    expect(parse('--bogus')).toEqual({ ok: false, stderr: "tail: unrecognized option '--bogus'\nTry 'tail --help' for more information.\n" });
    expect(parse('--pid=1', '-f', 'x')).toEqual({ ok: false, stderr: 'tail: --pid is not simulated\n' });
  });
});
