import { describe, expect, it } from 'vitest';
import { ctrlCAfter, growingLog, NOW, shellOn } from './testkit';

const at = async (line: string) => {
  const s = shellOn(growingLog);
  const r = await s.exec(line);
  return { ...r, moved: s.clock.now() - NOW };
};

describe('timeout bounds simulated time', () => {
  it('a sleep past the deadline ends at it: 124, the clock at start + duration', async () => {
    expect(await at('timeout 5 sleep 100')).toEqual({ stdout: '', stderr: '', exitCode: 124, moved: 5_000 });
    expect(await at('timeout 5 sleep 100; date +%T')).toEqual({
      stdout: '13:29:01\n', stderr: '', exitCode: 0, moved: 5_000,
    });
  });

  it('durations take s/m/h/d suffixes and fractions', async () => {
    expect((await at('timeout 0.5m sleep 1h')).moved).toBe(30_000);
    expect((await at('timeout 1.25 sleep 9')).moved).toBe(1_250);
    expect((await at('timeout .001h sleep 1d')).moved).toBe(3_600);
    expect((await at('timeout 0.01d sleep 1h')).moved).toBe(864_000);
  });

  it('a command that ends in time keeps its status; 0 disables the timeout', async () => {
    expect(await at('timeout 5 sleep 1')).toEqual({ stdout: '', stderr: '', exitCode: 0, moved: 1_000 });
    expect(await at('timeout 5 false')).toEqual({ stdout: '', stderr: '', exitCode: 1, moved: 0 });
    expect(await at('timeout 0 sleep 7')).toEqual({ stdout: '', stderr: '', exitCode: 0, moved: 7_000 });
    expect((await at('timeout 5 echo hi')).stdout).toBe('hi\n');
  });

  it('the status after expiry: -s KILL 137, --preserve-status 128+signal', async () => {
    expect((await at('timeout -s KILL 5 sleep 9')).exitCode).toBe(137);
    expect((await at('timeout --preserve-status 5 sleep 9')).exitCode).toBe(143);
    expect((await at('timeout --foreground -s INT --preserve-status 5 sleep 9')).exitCode).toBe(130);
    expect((await at('timeout -s 9 --preserve-status 5 sleep 9')).exitCode).toBe(137);
    expect((await at('timeout -k 1 5 sleep 9')).exitCode).toBe(124);
  });

  it('-v says which signal it sent to which command', async () => {
    expect(await at('timeout -v 2 sleep 9')).toEqual({
      stdout: '', stderr: 'timeout: sending signal TERM to command ‘sleep’\n', exitCode: 124, moved: 2_000,
    });
    expect((await at('timeout -vs hup 2 sleep 9')).stderr)
      .toBe('timeout: sending signal HUP to command ‘sleep’\n');
  });

  it('nested timeouts: each ends at its own deadline', async () => {
    const r = await at(`timeout 10 bash -c 'timeout 3 sleep 100; sleep 100'; date +%T`);
    expect(r).toEqual({ stdout: '13:29:06\n', stderr: '', exitCode: 0, moved: 10_000 });
    expect((await at(`timeout 10 bash -c 'sleep 2; timeout 3 sleep 100'`)).moved).toBe(5_000);
  });

  it('on a clock that runs with the wall: the sleep ends at the deadline, not later', async () => {
    const { wall, signal } = ctrlCAfter(1_000_000);
    const s = shellOn(growingLog, wall);
    const r = await s.exec('timeout 5 sleep 100', { signal });
    expect(r.exitCode).toBe(124);
    expect(s.clock.now()).toBe(NOW + 5_000);
  });

  it('Ctrl-C during the timed sleep ends the line as Ctrl-C does (130)', async () => {
    const { wall, signal } = ctrlCAfter(2_000);
    const s = shellOn(growingLog, wall);
    expect(await s.exec('timeout 5 sleep 100', { signal })).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  });
});
