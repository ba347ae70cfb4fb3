import { describe, expect, it } from 'vitest';
import { APP_LOG, appLogLine, ctrlCAfter, growingLog, shellOn } from './testkit';

const lines = (from: number, to: number): string => {
  let out = '';
  for (let m = from; m <= to; m++) out += appLogLine(m);
  return out;
};

describe('tail -f follows the file as the simulated clock advances', () => {
  it('prints the last lines, then what the timeline appends, until Ctrl-C (130)', async () => {
    // Ctrl-C 150 s in: 13:28:56 + 150 s = 13:31:26, after the 13:29, 13:30 and 13:31 lines.
    const { wall, signal } = ctrlCAfter(150_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec(`tail -n 3 -f ${APP_LOG}`, { signal })).toEqual({
      stdout: lines(26, 31), stderr: '', exitCode: 130,
    });
  });

  it('streams to the terminal while it runs and logs what it showed', async () => {
    const { wall, signal } = ctrlCAfter(120_000);
    const s = shellOn(growingLog, wall);
    const chunks: string[] = [];
    const r = await s.exec(`tail -fn1 ${APP_LOG}`, { signal, onOutput: (t) => chunks.push(t) });
    expect(chunks).toEqual([appLogLine(28), appLogLine(29), appLogLine(30)]);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
    expect(s.log().at(-1)).toMatchObject({ type: 'command', exitCode: 130, output: lines(28, 30) });
  });

  it('a line changed by history expansion is echoed before the stream', async () => {
    const { wall, signal } = ctrlCAfter(3_000);
    const s = shellOn(growingLog, wall);
    await s.exec(`tail -n1 ${APP_LOG}`);
    const chunks: string[] = [];
    const r = await s.exec('!! -f', { signal, onOutput: (t) => chunks.push(t) });
    expect(chunks).toEqual([`tail -n1 ${APP_LOG} -f\n${appLogLine(28)}`]);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  });

  it('-F with several files: a header each, and again when the file that changed is another', async () => {
    const { wall, signal } = ctrlCAfter(70_000);
    const s = shellOn(growingLog, wall);
    const r = await s.exec(`tail -n1 -F /etc/hostname ${APP_LOG}`, { signal });
    // Ctrl-C at 13:30:06: the 13:29 and 13:30 lines arrived; /etc/hostname never changed.
    expect(r.stdout).toBe(`==> /etc/hostname <==\nweb01\n\n==> ${APP_LOG} <==\n${lines(28, 30)}`);
    expect(r.exitCode).toBe(130);
  });

  it('a pipe gets what tail read: grep prints its lines after Ctrl-C', async () => {
    const { wall, signal } = ctrlCAfter(130_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec(`tail -f ${APP_LOG} | grep -E 'tick (2[89]|30)'`, { signal })).toEqual({
      stdout: lines(28, 30), stderr: '', exitCode: 130,
    });
    expect((await s.exec('echo next')).stdout).toBe('next\n');
  });

  it('the obsolete -NUMf form and +NUM from a line', async () => {
    const { wall, signal } = ctrlCAfter(3_000);
    const s = shellOn(growingLog, wall);
    expect((await s.exec(`tail -2f ${APP_LOG}`, { signal })).stdout).toBe(lines(27, 28));
    const again = ctrlCAfter(3_000);
    const t = shellOn(growingLog, again.wall);
    expect((await t.exec(`tail -n +8 -f ${APP_LOG}`, { signal: again.signal })).stdout).toBe(lines(27, 28));
  });
});
