import { describe, expect, it } from 'vitest';
import { GOOD, loadStandIn } from '../../test/unit/scenario-stand-in';
import type { CliIo } from './io';
import { runValidate } from './validate';

function fakeIo(files: Record<string, string>): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: async (path: string) => {
      if (!Object.hasOwn(files, path)) {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      }
      return files[path] as string;
    },
    writeFile: async () => undefined,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

describe('validate', () => {
  it('prints OK with the title for a good file', async () => {
    const io = fakeIo({ 'good.yaml': GOOD });
    expect(await runValidate(['good.yaml'], io, loadStandIn)).toBe(0);
    expect(io.out).toBe('OK good.yaml (Demo scenario)\n');
    expect(io.err).toBe('');
  });

  it('prints positioned diagnostics with an excerpt and a caret, exit 1', async () => {
    const io = fakeIo({
      'good.yaml': GOOD,
      'bad.yaml': GOOD.replace('port: 22', 'port: ssh').replace('kind: beacon', 'kind: beacom'),
    });
    expect(await runValidate(['bad.yaml', 'good.yaml'], io, loadStandIn)).toBe(1);
    expect(io.out).toBe('OK good.yaml (Demo scenario)\n');
    expect(io.err).toBe([
      'bad.yaml:7:13: error: expected a port number (1-65535), got "ssh"',
      '    7 |       port: ssh',
      '      |             ^^^',
      'bad.yaml:13:11: error: unknown kind "beacom"; expected one of `ssh_login`, `beacon`',
      '   13 |   - kind: beacom',
      '      |           ^^^^^^',
      '  hint: did you mean `beacon`?',
      '',
    ].join('\n'));
  });

  it('exits 2 on a missing file and still checks the others', async () => {
    const io = fakeIo({ 'good.yaml': GOOD });
    expect(await runValidate(['nope.yaml', 'good.yaml'], io, loadStandIn)).toBe(2);
    expect(io.err).toBe('validate: cannot read nope.yaml: No such file or directory\n');
    expect(io.out).toBe('OK good.yaml (Demo scenario)\n');
  });

  it('exits 2 without a file', async () => {
    const io = fakeIo({});
    expect(await runValidate([], io, loadStandIn)).toBe(2);
    expect(io.err).toBe('validate: no file given\nusage: validate [--seed N] FILE...\n');
  });
});
