import { describe, expect, it } from 'vitest';
import { defineCommand } from 'just-bash';
import { lazyCommand, toolCommand, type CommandHost } from './commands';
import type { Tool } from '../tools/types';
import { web01 } from '../../../test/fixtures/web01';

const host: CommandHost = {
  world: () => web01(),
  identity: () => ({ user: 'root', uid: 0, gid: 0, gids: [0], home: '/root' }),
  shellPid: () => 1,
  apply: () => undefined,
  history: () => [],
  asRoot: (run) => run(),
  enterRootShell: () => undefined,
  mayUseSudo: () => true,
};
const ctx = { stdin: '', cwd: '/root', env: new Map<string, string>() } as unknown as Parameters<ReturnType<typeof toolCommand>['execute']>[1];

describe('a simulated program loaded on first use', () => {
  it('runs once its module has loaded', async () => {
    const echo: Tool = { name: 'echoargs', summary: '', options: [], run: (c) => ({ stdout: `${c.argv.join(' ')}\n`, stderr: '', exitCode: 0 }) };
    const result = await toolCommand(async () => echo, 'echoargs', host).execute(['-a', 'b'], ctx);
    expect(result).toEqual({ stdout: 'echoargs -a b\n', stderr: '', exitCode: 0 });
  });

  it('says it cannot execute a program whose module did not load, and the shell goes on', async () => {
    const result = await toolCommand(() => Promise.reject(new Error('fetch failed')), 'ss', host).execute(['-tnp'], ctx);
    expect(result).toEqual({
      stdout: '',
      stderr: 'bash: ss: cannot execute: the program could not be loaded (check the connection and retry)\n',
      exitCode: 126,
    });
  });

  it('loads a shell program on its first run only, and passes the words on', async () => {
    let loads = 0;
    const wc = lazyCommand('words', async () => {
      loads += 1;
      return defineCommand('words', async (args) => ({ stdout: `${args.length}\n`, stderr: '', exitCode: 0 }));
    });
    expect(await wc.execute(['a', 'b', 'c'], ctx)).toEqual({ stdout: '3\n', stderr: '', exitCode: 0 });
    expect(await wc.execute([], ctx)).toEqual({ stdout: '0\n', stderr: '', exitCode: 0 });
    expect(loads).toBe(1);
  });

  it('retries a shell program whose module failed to load', async () => {
    let tries = 0;
    const flaky = lazyCommand('flaky', async () => {
      tries += 1;
      if (tries === 1) throw new Error('offline');
      return defineCommand('flaky', async () => ({ stdout: 'ok\n', stderr: '', exitCode: 0 }));
    });
    expect((await flaky.execute([], ctx)).exitCode).toBe(126);
    expect(await flaky.execute([], ctx)).toEqual({ stdout: 'ok\n', stderr: '', exitCode: 0 });
  });
});
