import { describe, expect, it } from 'vitest';
import { APP_LOG, appLogLine, ctrlCAfter, growingLog, NOW, shellOn } from './testkit';

describe('a follower under timeout stops at the deadline as if Ctrl-C were pressed', () => {
  it('unattended (run): the deadline replaces the minute and its note', async () => {
    const s = shellOn(growingLog);
    // 13:28:56 + 70 s: the 13:29 and 13:30 lines arrived, no note.
    expect(await s.exec(`timeout 70 tail -n0 -f ${APP_LOG}`)).toEqual({
      stdout: appLogLine(29) + appLogLine(30), stderr: '', exitCode: 124,
    });
    expect(s.clock.now()).toBe(NOW + 70_000);
  });

  it('reads once more at the deadline: a line between polls is not lost', async () => {
    const { wall, signal } = ctrlCAfter(10_000_000);
    const s = shellOn(growingLog, wall);
    // Polls every 10 s (+10 ... +60); the 13:30 line comes at +64, the deadline at +65.
    const r = await s.exec(`timeout --preserve-status 65 tail -s 10 -n0 -f ${APP_LOG}`, { signal });
    expect(r).toEqual({ stdout: appLogLine(29) + appLogLine(30), stderr: '', exitCode: 143 });
    expect(s.clock.now()).toBe(NOW + 65_000);
  });

  it('streams on the terminal until the deadline', async () => {
    const { wall, signal } = ctrlCAfter(10_000_000);
    const s = shellOn(growingLog, wall);
    const chunks: string[] = [];
    const r = await s.exec(`timeout 5 tail -n1 -f ${APP_LOG}`, { signal, onOutput: (t) => chunks.push(t) });
    expect(chunks).toEqual([appLogLine(28), appLogLine(29)]);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 124 });
  });

  it('Ctrl-C before the deadline is the follower\'s own status', async () => {
    const { wall, signal } = ctrlCAfter(10_000);
    const s = shellOn(growingLog, wall);
    const r = await s.exec(`timeout 60 tail -n0 -f ${APP_LOG}`, { signal });
    expect(r).toEqual({ stdout: appLogLine(29), stderr: '', exitCode: 130 });
    expect(s.clock.now()).toBeLessThan(NOW + 60_000);
  });

  it('watch and journalctl -f stop at the deadline too', async () => {
    const s = shellOn(growingLog);
    expect(await s.exec('timeout 12 watch -t -n 5 date +%T')).toEqual({
      stdout: '13:28:56\n13:29:01\n13:29:06\n', stderr: '', exitCode: 124,
    });
    expect(await s.exec('timeout -s INT --preserve-status 100 journalctl -q -f -n 0')).toEqual({
      stdout: '', stderr: '', exitCode: 130,
    });
    expect(s.clock.now()).toBe(NOW + 112_000);
  });
});
