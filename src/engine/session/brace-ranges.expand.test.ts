/**
 * Sequence expressions past just-bash's 10,000-term cut, through the lab's
 * shell: expanded whole up to BRACE_RESULTS_MAX, refused past it with
 * bash's message and the word left as written.
 */
import { describe, expect, it } from 'vitest';
import { createLabSession } from './session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { BRACE_RESULTS_MAX } from './brace-ranges';

const run = (line: string) => createLabSession({ scenario: web01Scenario() }).exec(line);

describe('brace ranges', () => {
  it('expands {1..20000} whole, as a word list, in for and in arrays', async () => {
    expect(await run('echo {1..20000} | wc -w; for i in {1..9000}; do :; done; echo $i; ' +
      'x=({1..30000}); echo ${#x[@]} ${x[0]} ${x[29999]}'))
      .toEqual({ stdout: '20000\n9000\n30000 1 30000\n', stderr: '', exitCode: 0 });
  });

  it('keeps literal text around the range, steps down and pads as bash 5.2', async () => {
    expect(await run("echo 'f'{0001..20000..7}.log | tr ' ' '\\n' | sed -n '1p;$p'; " +
      'echo {20000..1..3} | wc -w; echo {-05..20000} | cut -d" " -f1-7'))
      .toEqual({ stdout: 'f00001.log\nf20000.log\n6667\n-0005 -0004 -0003 -0002 -0001 00000 00001\n', stderr: '', exitCode: 0 });
  });

  it('refuses a huge range with bash\'s message and leaves the word as written', async () => {
    expect(BRACE_RESULTS_MAX).toBe(100_000);
    expect(await run('echo {1..10000000}; echo after')).toEqual({
      stdout: '{1..10000000}\nafter\n',
      stderr: 'bash: brace expansion: failed to allocate memory for 10000000 elements\n',
      exitCode: 0,
    });
    expect(await run('for i in x{1..100001}; do echo "$i"; done')).toEqual({
      stdout: 'x{1..100001}\n',
      stderr: 'bash: brace expansion: failed to allocate memory for 100001 elements\n',
      exitCode: 0,
    });
  });

  it('leaves a sequence past INT_MAX unexpanded without a word, as bash does', async () => {
    expect(await run('echo {1..99999999999999}')).toEqual({ stdout: '{1..99999999999999}\n', stderr: '', exitCode: 0 });
  });

  it('hands a range nested in a brace list to just-bash as a list of its terms', async () => {
    expect(await run('echo {a,{1..10005}} | wc -w')).toEqual({ stdout: '10006\n', stderr: '', exitCode: 0 });
  });
});
