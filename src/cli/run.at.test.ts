import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';

const FLAGSHIP = 'scenarios/ssh-reverse-shell-beacon-exfil.yaml';

async function run(at: string, command: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    readFile: (p: string) => readFile(p, 'utf8'),
    writeFile: async () => undefined,
    stdout: (s: string) => void out.push(s),
    stderr: (s: string) => void err.push(s),
  };
  const code = await runCommand([FLAGSHIP, '--at', at, '--', command], io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('run --at and the trainee login', () => {
  it('refuses a moment before the trainee logs in, and runs nothing', async () => {
    expect(await run('-110m', 'who')).toEqual({
      code: 2, out: '',
      err: 'run: --at 2026-12-04T11:38:56Z is before the trainee logs in (2026-12-04T13:24:56Z); ' +
        'pick a later moment\n',
    });
    expect((await run('-241s', 'who')).code).toBe(2);
  });

  it('runs from the moment of the login on', async () => {
    expect(await run('-4m', 'who')).toEqual({
      code: 0, err: '', out: 'analyst  pts/0        2026-12-04 13:24 (192.0.2.10)\n',
    });
  });
});
