import { describe, expect, it } from 'vitest';
import { growingLog, shellOn } from './testkit';

const TRY = "Try 'timeout --help' for more information.\n";
const run = (line: string) => shellOn(growingLog).exec(line);

describe('timeout reads its command line as coreutils 9.4 does', () => {
  it('too few operands: only the Try line, 125', async () => {
    expect(await run('timeout')).toEqual({ stdout: '', stderr: TRY, exitCode: 125 });
    expect(await run('timeout 5')).toEqual({ stdout: '', stderr: TRY, exitCode: 125 });
  });

  it('a bad duration, signal or option', async () => {
    expect(await run('timeout 5x sleep 1')).toEqual({
      stdout: '', stderr: `timeout: invalid time interval ‘5x’\n${TRY}`, exitCode: 125,
    });
    expect((await run('timeout -- -1 sleep 1')).stderr).toBe(`timeout: invalid time interval ‘-1’\n${TRY}`);
    expect((await run('timeout 1ms sleep 1')).stderr).toBe(`timeout: invalid time interval ‘1ms’\n${TRY}`);
    expect((await run('timeout -k x 5 sleep 1')).stderr).toBe(`timeout: invalid time interval ‘x’\n${TRY}`);
    expect(await run('timeout -s FOO 5 sleep 1')).toEqual({
      stdout: '', stderr: `timeout: ‘FOO’: invalid signal\n${TRY}`, exitCode: 125,
    });
    expect((await run('timeout -x 5 sleep 1')).stderr).toBe(`timeout: invalid option -- 'x'\n${TRY}`);
    expect((await run('timeout --bogus 5 sleep 1')).stderr).toBe(`timeout: unrecognized option '--bogus'\n${TRY}`);
    // Options stop at the duration: the rest is the command's.
    expect(await run('timeout 5 echo -s')).toEqual({ stdout: '-s\n', stderr: '', exitCode: 0 });
    expect((await run('timeout -s')).stderr).toBe(`timeout: option requires an argument -- 's'\n${TRY}`);
    expect((await run('timeout --ver 5 true')).stderr).toBe(
      `timeout: option '--ver' is ambiguous; possibilities: '--verbose' '--version'\n${TRY}`);
  });

  it('a command that cannot be found (127) or run (126)', async () => {
    expect(await run('timeout 5 nosuchcmd')).toEqual({
      stdout: '', stderr: 'timeout: failed to run command ‘nosuchcmd’: No such file or directory\n', exitCode: 127,
    });
    expect((await run('timeout 5 cd /')).exitCode).toBe(127);
    expect(await run('timeout 5 /etc')).toEqual({
      stdout: '', stderr: 'timeout: failed to run command ‘/etc’: Permission denied\n', exitCode: 126,
    });
    expect((await run('timeout 5 /nope/x')).exitCode).toBe(127);
  });
});
