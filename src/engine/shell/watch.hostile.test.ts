import { describe, expect, it } from 'vitest';
import { WATCH_USAGE } from './watch-options';
import { APP_LOG, ctrlCAfter, growingLog, shellOn } from './testkit';

const CLEAR = '\x1b[H\x1b[2J';
/** Runs `line` until Ctrl-C at `pressAt` ms; stdout is everything that reached the terminal. */
const run = async (line: string, pressAt = 1_000) => {
  const { wall, signal } = ctrlCAfter(pressAt);
  let streamed = '';
  const r = await shellOn(growingLog, wall).exec(line, { signal, onOutput: (t, screen) => { streamed += (screen ? CLEAR : '') + t; } });
  return { ...r, stdout: streamed + r.stdout };
};

describe('watch against hostile command lines', () => {
  it('-n 0 and -n -1 run every 0.1 s, as procps clamps them', async () => {
    for (const n of ['0', '-1', '0.01']) {
      const r = await run(`watch -t -n ${n} echo x`);
      // Ctrl-C after 1 s: runs at 0, 0.1, ... 0.9.
      expect(r).toEqual({ stdout: `${CLEAR}x\n`.repeat(10), stderr: '', exitCode: 0 });
    }
    expect((await run('watch -n 0 echo x', 50)).stdout.split('\n')[0]).toMatch(/^\x1b\[H\x1b\[2JEvery 0\.1s: echo x +web01: /);
  });

  it('an interval procps cannot read is refused with its message', async () => {
    for (const n of ['abc', '1e9', 'inf', '3s']) {
      expect(await run(`watch -n ${n} date`)).toEqual({
        stdout: '', stderr: `watch: failed to parse argument: '${n}': Invalid argument\n`, exitCode: 1,
      });
    }
  });

  it('bad options and a missing command print the usage on stderr, exit 1', async () => {
    expect(await run('watch')).toEqual({ stdout: '', stderr: WATCH_USAGE, exitCode: 1 });
    expect(await run('watch -Z date')).toEqual({ stdout: '', stderr: `watch: invalid option -- 'Z'\n${WATCH_USAGE}`, exitCode: 1 });
    expect(await run('watch --bogus date')).toEqual({ stdout: '', stderr: `watch: unrecognized option '--bogus'\n${WATCH_USAGE}`, exitCode: 1 });
    expect(await run('watch -n')).toEqual({ stdout: '', stderr: `watch: option requires an argument -- 'n'\n${WATCH_USAGE}`, exitCode: 1 });
    expect(await run('watch -v')).toEqual({ stdout: 'watch from procps-ng 4.0.4\n', stderr: '', exitCode: 0 });
  });

  it('an endless loop as the command ends at the runaway limit with a message', async () => {
    expect(await run("watch 'while true; do :; done'")).toEqual({
      stdout: '', stderr: 'bash: too many commands executed (>100000) (the lab stops runaway commands)\n', exitCode: 126,
    });
  });

  it('a command that never ends by itself (tail -f) is ended by Ctrl-C; nothing was drawn', async () => {
    expect(await run(`watch tail -f ${APP_LOG}`, 5_000)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('a command that sleeps past Ctrl-C is aborted for real and the shell goes on', async () => {
    const { wall, signal } = ctrlCAfter(5_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec('watch sleep 1000', { signal })).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect((await s.exec('echo alive')).stdout).toBe('alive\n');
  });

  it('-x passes the words as they are; quoting in the header is the words joined', async () => {
    const r = await run("watch -t -x printf '%s|' 'a b' c", 500);
    expect(r).toEqual({ stdout: `${CLEAR}a b|c|`, stderr: '', exitCode: 0 });
  });
});
