import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { web01Scenario } from '../../../test/fixtures/web01-scenario';
import { LESS_VERSION } from './pager';

const BOX = (name: string) => `::::::::::::::\n${name}\n::::::::::::::\n`;

async function shell() {
  const s = createLabSession({ scenario: web01Scenario() });
  await s.exec("printf 'a\\nb\\n' > /tmp/fa; printf 'c\\n' > /tmp/fb; seq 1 10 > /tmp/ten");
  return s;
}

describe('less and more print the text whole, on the terminal and into a pipe', () => {
  it('on the terminal: the files one after another; more boxes names only for several', async () => {
    const s = await shell();
    expect(await s.exec('less /tmp/fa /tmp/fb')).toEqual({ stdout: 'a\nb\nc\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more /tmp/fa')).toEqual({ stdout: 'a\nb\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more /tmp/fa /tmp/fb')).toEqual({ stdout: `${BOX('/tmp/fa')}a\nb\n${BOX('/tmp/fb')}c\n`, stderr: '', exitCode: 0 });
  });

  it('into a pipe: as cat, and piped input passes through', async () => {
    const s = await shell();
    expect(await s.exec('less /tmp/fa /tmp/fb | cat')).toEqual({ stdout: 'a\nb\nc\n', stderr: '', exitCode: 0 });
    expect(await s.exec('cat /tmp/fb | less')).toEqual({ stdout: 'c\n', stderr: '', exitCode: 0 });
    expect(await s.exec('cat /tmp/fb | more')).toEqual({ stdout: 'c\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more /tmp/fa /tmp/fb | wc -l')).toEqual({ stdout: '9\n', stderr: '', exitCode: 0 });
  });

  it('more +NUM and +/STRING start where they say', async () => {
    const s = await shell();
    expect(await s.exec('more +8 /tmp/ten')).toEqual({ stdout: '8\n9\n10\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more +/9 /tmp/ten')).toEqual({ stdout: '\n...skipping\n7\n8\n9\n10\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more +/zz /tmp/fa')).toEqual({ stdout: 'a\nb\n', stderr: 'Pattern not found', exitCode: 0 });
  });

  it('missing files, directories and unreadable files in their own words', async () => {
    const s = await shell();
    expect(await s.exec('less /nope')).toEqual({ stdout: '', stderr: '/nope: No such file or directory\n', exitCode: 1 });
    expect(await s.exec('less /nope /tmp/fb | cat')).toEqual({ stdout: '/nope: No such file or directory\nc\n', stderr: '', exitCode: 0 });
    expect(await s.exec('less /tmp')).toEqual({ stdout: '', stderr: '/tmp is a directory\n', exitCode: 1 });
    expect(await s.exec('less /etc/shadow')).toEqual({ stdout: '', stderr: '/etc/shadow: Permission denied\n', exitCode: 1 });
    expect(await s.exec('more /tmp /nope /tmp/fb')).toEqual({
      stdout: `\n*** /tmp: directory ***\n\n${BOX('/tmp/fb')}c\n`,
      stderr: 'more: cannot open /nope: No such file or directory\n',
      exitCode: 0,
    });
  });

  it('no file and no input; options they do not know; versions', async () => {
    const s = await shell();
    expect(await s.exec('less')).toEqual({ stdout: 'Missing filename ("less --help" for help)\n', stderr: '', exitCode: 0 });
    expect(await s.exec('more')).toEqual({ stdout: '', stderr: "more: bad usage\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(await s.exec('less -NZ /tmp/fb')).toEqual({ stdout: 'c\n', stderr: 'There is no -Z option ("less --help" for help)\n', exitCode: 0 });
    expect(await s.exec('more -Z /tmp/fb')).toEqual({ stdout: '', stderr: "more: invalid option -- 'Z'\nTry 'more --help' for more information.\n", exitCode: 1 });
    expect(await s.exec('less -x4 -p b /tmp/fa')).toEqual({ stdout: 'a\nb\n', stderr: '', exitCode: 0 });
    expect(await s.exec('less -V')).toEqual({ stdout: LESS_VERSION, stderr: '', exitCode: 0 });
  });
});
