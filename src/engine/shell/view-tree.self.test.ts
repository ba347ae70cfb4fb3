import { describe, expect, it } from 'vitest';
import { createLabSession } from '../session/session';
import { pipeInode } from '../session/forks';
import { flagship, nextPids } from '../session/forks.test-support';

/** The flagship's now, as ls -l prints a time of this year. */
const WHEN = 'Dec  4 13:28';

describe('/proc/self and /proc/thread-self lead to the reader\'s own directory', () => {
  it('each program that reads them sees its own pid', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const [ls, rl1, rl2] = nextPids(s, s.now, [], 4);
    const r = await session.exec('ls -l /proc/self; readlink /proc/self; readlink /proc/thread-self; cat /proc/self/comm');
    expect(r).toEqual({
      stdout: `lrwxrwxrwx 1 root root 0 ${WHEN} /proc/self -> ${ls}\n${rl1}\n${rl2}/task/${rl2}\ncat\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('/proc/self/status is the reading program\'s, a child of the shell', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const [cat] = nextPids(s, s.now, [], 1);
    const shell = s.trainee.shellPid;
    const uid = s.trainee.uid;
    expect(await session.exec('cat /proc/self/status | head -9')).toEqual({
      stdout: [
        'Name:\tcat', 'Umask:\t0022', 'State:\tR (running)', `Tgid:\t${cat}`, 'Ngid:\t0', `Pid:\t${cat}`,
        `PPid:\t${shell}`, 'TracerPid:\t0', `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`, '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
  });

  it('/proc/self/fd holds the terminal, or a pipe for an output piped on', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const [first, second] = nextPids(s, s.now, [], 2);
    const who = `${s.trainee.user} ${s.trainee.user}`;
    const fd = (n: number, mode: string, target: string) => `l${mode}------ 1 ${who} 64 ${WHEN} ${n} -> ${target}\n`;
    expect(await session.exec('ls -l /proc/self/fd')).toEqual({
      stdout: `total 0\n${fd(0, 'rwx', '/dev/pts/0')}${fd(1, 'rwx', '/dev/pts/0')}${fd(2, 'rwx', '/dev/pts/0')}`,
      stderr: '',
      exitCode: 0,
    });
    expect(first).toBeLessThan(second!);
    expect(await session.exec('ls -l /proc/self/fd | cat')).toEqual({
      stdout: `total 0\n${fd(0, 'rwx', '/dev/pts/0')}${fd(1, '-wx', `pipe:[${pipeInode(second!)}]`)}${fd(2, 'rwx', '/dev/pts/0')}`,
      stderr: '',
      exitCode: 0,
    });
  });

  it('a builtin reads as the shell; the thread\'s directory is the process\'s', async () => {
    const s = flagship();
    const session = createLabSession({ scenario: s });
    const shell = s.trainee.shellPid;
    expect(await session.exec('read -r line < /proc/self/comm; echo $line; cat /proc/thread-self/comm')).toEqual({
      stdout: 'bash\ncat\n', stderr: '', exitCode: 0,
    });
    expect(await session.exec(`ls -d /proc/self /proc/thread-self /proc/${shell}`)).toEqual({
      stdout: `/proc/${shell}\n/proc/self\n/proc/thread-self\n`, stderr: '', exitCode: 0,
    });
  });
});
