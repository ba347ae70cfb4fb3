import { describe, expect, it } from 'vitest';
import { APP_LOG, appLogLine, ctrlCAfter, growingLog, shellOn } from './testkit';

const CLEAR = '\x1b[H\x1b[2J';
const header = (cmd: string, time: string, every = '30.0') => {
  const left = `Every ${every}s: ${cmd}`;
  const right = `web01: Fri Dec  4 ${time} 2026`;
  return left + ' '.repeat(80 - left.length - right.length) + right;
};
const screen = (time: string, minute: number) =>
  `${CLEAR}${header(`tail -n1 ${APP_LOG}`, time)}\n\n${appLogLine(minute)}`;

describe('watch re-runs a command on the simulated clock', () => {
  // Runs at 13:28:56, 13:29:26, 13:29:56; Ctrl-C at +70 s.
  const SCREENS = [screen('13:28:56', 28), screen('13:29:26', 29), screen('13:29:56', 29)];

  it('streams a fresh screen per run and exits 0 on Ctrl-C, as procps watch does', async () => {
    const { wall, signal } = ctrlCAfter(70_000);
    const s = shellOn(growingLog, wall);
    const chunks: string[] = [];
    const r = await s.exec(`watch -n 30 tail -n1 ${APP_LOG}`, { signal, onOutput: (t, screen) => chunks.push((screen ? CLEAR : '') + t) });
    expect(chunks).toEqual(SCREENS);
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(s.log().at(-1)).toMatchObject({ exitCode: 0, output: SCREENS.join('').replaceAll(CLEAR, '') });
  });

  it('without a stream the terminal gets the last screen; a pipe gets them all', async () => {
    const { wall, signal } = ctrlCAfter(70_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec(`watch -n 30 tail -n1 ${APP_LOG}`, { signal })).toEqual({ stdout: SCREENS[2], stderr: '', exitCode: 0 });
    const piped = ctrlCAfter(70_000);
    const t = shellOn(growingLog, piped.wall);
    // A pipe is not one command on the terminal: Ctrl-C ends the line with 130.
    expect(await t.exec(`watch -n 30 tail -n1 ${APP_LOG} | cat`, { signal: piped.signal })).toEqual({
      stdout: SCREENS.join(''), stderr: '', exitCode: 130,
    });
  });

  it('-t drops the header, -g stops when the output changes, -q when it stays the same', async () => {
    const run = async (line: string, at = 200_000) => {
      const { wall, signal } = ctrlCAfter(at);
      let streamed = '';
      const r = await shellOn(growingLog, wall).exec(line, { signal, onOutput: (t, screen) => { streamed += (screen ? CLEAR : '') + t; } });
      return { ...r, stdout: streamed + r.stdout };
    };
    expect(await run(`watch -t -n 30 -g tail -n1 ${APP_LOG}`)).toEqual({
      stdout: `${CLEAR}${appLogLine(28)}${CLEAR}${appLogLine(29)}`, stderr: '', exitCode: 0,
    });
    // 13:29:26 and 13:29:56 show the same line: two unchanged cycles.
    const same = await run(`watch -t -n 30 -q 2 tail -n1 ${APP_LOG}`);
    expect(same).toEqual({ stdout: `${CLEAR}${appLogLine(28)}${CLEAR}${appLogLine(29)}${CLEAR}${appLogLine(29)}`, stderr: '', exitCode: 0 });
  });

  it("-e stops at a failing run with procps' message and exit 8; stderr is on the screen", async () => {
    const { wall, signal } = ctrlCAfter(60_000);
    const s = shellOn(growingLog, wall);
    // Into a file, so the screens are in the file; watch's status is the line's.
    expect(await s.exec('watch -t -e ls /nope > /tmp/w.out', { signal })).toEqual({ stdout: '', stderr: '', exitCode: 8 });
    expect((await s.exec('cat /tmp/w.out')).stdout).toBe(
      `${CLEAR}ls: cannot access '/nope': No such file or directory\ncommand exit with a non-zero status, press a key to exit\n`);
  });

  it('without a terminal (the CLI run) shows three updates, no clearing, and says so (124)', async () => {
    const plain = (time: string, minute: number, every: string) =>
      `${header(`tail -n1 ${APP_LOG}`, time, every)}\n\n${appLogLine(minute)}`;
    expect(await shellOn(growingLog).exec(`watch -n 20 tail -n1 ${APP_LOG}`)).toEqual({
      stdout: plain('13:28:56', 28, '20.0') + plain('13:29:16', 29, '20.0') + plain('13:29:36', 29, '20.0'),
      stderr: 'watch: no terminal to press Ctrl-C in: stopped after 3 updates\n',
      exitCode: 124,
    });
    // Or at the minute of simulated time, if that comes first.
    expect(await shellOn(growingLog).exec(`watch -n 40 tail -n1 ${APP_LOG}`)).toEqual({
      stdout: plain('13:28:56', 28, '40.0') + plain('13:29:36', 29, '40.0'),
      stderr: 'watch: no terminal to press Ctrl-C in: stopped after 2 updates in 60s of simulated time\n',
      exitCode: 124,
    });
  });
});
