import { describe, expect, it } from 'vitest';
import { joinPatterns } from './grep-patterns';
import { shellOn } from './testkit';

describe('several grep patterns', () => {
  it('become one pattern of lines, the other words kept in order', () => {
    expect(joinPatterns(['-c', '-e', 'sshd', '-e', 'CRON', '/var/log/auth.log']))
      .toEqual(['-e', 'sshd\nCRON', '-c', '/var/log/auth.log']);
    expect(joinPatterns(['-ie', 'a', '--regexp=b', '--regexp', 'c', '-m', '2', 'f']))
      .toEqual(['-e', 'a\nb\nc', '-i', '-m', '2', 'f']);
    expect(joinPatterns(['-eA', '-vieB', '-A1', 'x'])).toEqual(['-e', 'A\nB', '-vi', '-A', '1', 'x']);
  });

  it('leave a line with one pattern, or one after --, as typed', () => {
    expect(joinPatterns(['-e', 'a', 'f'])).toEqual(['-e', 'a', 'f']);
    expect(joinPatterns(['-e', 'a', '--', '-e', 'b'])).toEqual(['-e', 'a', '--', '-e', 'b']);
    expect(joinPatterns(['-f', '-e', 'x'])).toEqual(['-f', '-e', 'x']);
  });

  it('match lines with any of them in the shell', async () => {
    const s = shellOn(() => undefined);
    const one = async (line: string) => (await s.exec(line)).stdout;
    expect(await one('grep -e ^root -e ^deploy /etc/passwd')).toBe(
      'root:x:0:0:root:/root:/bin/bash\ndeploy:x:1001:1001::/home/deploy:/bin/bash\n');
    expect(await one('grep -c --regexp=^root -e ^nobody -e ^deploy /etc/passwd')).toBe('2\n');
  });
});
