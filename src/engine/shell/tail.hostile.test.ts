import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import type { HostState } from '../world/types';
import { APP_LOG, NOW, appLogLine, ctrlCAfter, growingLog, shellOn } from './testkit';

const file = (world: HostState, path: string, content: string) =>
  world.files.push({ path, content, mode: 0o644, uid: 0, gid: 0, mtime: world.now });

describe('tail -f on files that are missing, vanish, shrink or are not files', () => {
  it('-f on a missing file: the real messages and exit 1 at once, without a Ctrl-C', async () => {
    const s = shellOn(growingLog);
    expect(await s.exec('tail -f /var/log/nope.log')).toEqual({
      stdout: '',
      stderr: "tail: cannot open '/var/log/nope.log' for reading: No such file or directory\ntail: no files remaining\n",
      exitCode: 1,
    });
  });

  it('-f on a directory gives up on it', async () => {
    const s = shellOn(growingLog);
    expect(await s.exec('tail -f /tmp')).toEqual({
      stdout: '',
      stderr: "tail: error reading '/tmp': Is a directory\ntail: /tmp: cannot follow end of this type of file; giving up on this name\ntail: no files remaining\n",
      exitCode: 1,
    });
  });

  it('-F waits for a missing file, then says it appeared, went away and came back', async () => {
    // late.log appears at +30 s with two lines, is gone from +90 s to +120 s, then comes back with one.
    const edit = (w: HostState) => {
      const dt = w.now - NOW;
      if (dt >= 30_000 && dt < 90_000) file(w, '/tmp/late.log', 'one\ntwo\n');
      if (dt >= 120_000) file(w, '/tmp/late.log', 'three\n');
    };
    const { wall, signal } = ctrlCAfter(150_000);
    const s = shellOn(edit, wall);
    const r = await s.exec('tail -F /tmp/late.log', { signal });
    expect(r).toEqual({
      stdout: 'one\ntwo\nthree\n',
      stderr: "tail: cannot open '/tmp/late.log' for reading: No such file or directory\n"
        + "tail: '/tmp/late.log' has appeared;  following new file\n"
        + "tail: '/tmp/late.log' has become inaccessible: No such file or directory\n"
        + "tail: '/tmp/late.log' has appeared;  following new file\n",
      exitCode: 130,
    });
  });

  it('a truncated file is reported and read from its start', async () => {
    const edit = (w: HostState) => file(w, '/tmp/t.log', w.now - NOW < 10_000 ? 'a\nb\nc\n' : 'd\n');
    const { wall, signal } = ctrlCAfter(20_000);
    const s = shellOn(edit, wall);
    expect(await s.exec('tail -f /tmp/t.log', { signal })).toEqual({
      stdout: 'a\nb\nc\nd\n', stderr: 'tail: /tmp/t.log: file truncated\n', exitCode: 130,
    });
  });

  it('the trainee cannot read auth.log without sudo: Permission denied', async () => {
    const s = createLabSession({ scenario: web01Scenario(growingLog) });
    const r = await s.exec('tail -f /var/log/auth.log');
    expect(r.stderr).toBe("tail: cannot open '/var/log/auth.log' for reading: Permission denied\ntail: no files remaining\n");
    expect(r.exitCode).toBe(1);
  });

  it('bad numbers and options are refused with the real words', async () => {
    const s = shellOn(growingLog);
    const run = (args: string) => s.exec(`tail ${args} ${APP_LOG}`);
    expect(await run('-f -n abc')).toEqual({ stdout: '', stderr: 'tail: invalid number of lines: \u2018abc\u2019\n', exitCode: 1 });
    expect(await run('-f -c 1.5')).toEqual({ stdout: '', stderr: 'tail: invalid number of bytes: \u20181.5\u2019\n', exitCode: 1 });
    expect(await run('-fx')).toEqual({ stdout: '', stderr: "tail: invalid option -- 'x'\nTry 'tail --help' for more information.\n", exitCode: 1 });
    expect(await run('-f -s never')).toEqual({ stdout: '', stderr: 'tail: invalid number of seconds: \u2018never\u2019\n', exitCode: 1 });
    expect((await run('--follow=inode')).stderr).toBe(
      'tail: invalid argument \u2018inode\u2019 for \u2018--follow\u2019\nValid arguments are:\n  - \u2018descriptor\u2019\n  - \u2018name\u2019\n'
      + "Try 'tail --help' for more information.\n");
  });

  it('piped input is read to its end and not followed', async () => {
    const s = shellOn(growingLog);
    expect(await s.exec('printf "x\\ny\\n" | tail -f -n1')).toEqual({ stdout: 'y\n', stderr: '', exitCode: 0 });
  });

  it('a line that keeps going after Ctrl-C is stopped for real, and the shell goes on', async () => {
    const { wall, signal } = ctrlCAfter(5_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec(`tail -f ${APP_LOG}; sleep 100; echo late`, { signal })).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect(await s.exec('echo alive')).toEqual({ stdout: 'alive\n', stderr: '', exitCode: 0 });
  });

  it('-s 0 on a paused clock waits instead of spinning', async () => {
    const { wall, signal } = ctrlCAfter(10_000);
    const s = shellOn(growingLog, wall);
    s.clock.setSpeed(0);
    expect(await s.exec(`tail -n1 -s 0 -f ${APP_LOG}`, { signal })).toEqual({ stdout: appLogLine(28), stderr: '', exitCode: 130 });
  });

  it('a paused clock shows nothing new and still ends with Ctrl-C', async () => {
    const { wall, signal } = ctrlCAfter(30_000);
    const s = shellOn(growingLog, wall);
    s.clock.setSpeed(0);
    expect(await s.exec(`tail -n1 -f ${APP_LOG}`, { signal })).toEqual({ stdout: appLogLine(28), stderr: '', exitCode: 130 });
  });
});

describe('tail -f with nothing to interrupt it', () => {
  it('without a terminal (the CLI run) it follows one simulated minute and says so, exit 124', async () => {
    const s = shellOn(growingLog);
    const t0 = s.clock.now();
    expect(await s.exec(`tail -n1 -f ${APP_LOG}`)).toEqual({
      stdout: appLogLine(28) + appLogLine(29),
      stderr: 'tail: no terminal to press Ctrl-C in: stopped after 60s of simulated time\n',
      exitCode: 124,
    });
    expect(s.clock.now() - t0).toBe(60_000);
  });

  it('a restored session replays it up to the next command, quickly and without a message', async () => {
    const { wall, signal } = ctrlCAfter(100_000);
    const s = shellOn(growingLog, wall);
    await s.exec(`tail -n1 -f ${APP_LOG}`, { signal });
    await s.exec('date');
    const restored = createLabSession({ scenario: web01Scenario(growingLog), restore: s.log() });
    expect((await restored.exec('history')).stdout).toBe(`    1  tail -n1 -f ${APP_LOG}\n    2  date\n    3  history\n`);
    expect(restored.log().find((e) => e.type === 'command')).toMatchObject({ exitCode: 130, output: appLogLine(28) + appLogLine(29) + appLogLine(30) });
  });
});
