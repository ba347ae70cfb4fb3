import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

/** The trainee's own `sudo -i`, logged at the very millisecond the shell stands at. */
const SUDO = ' analyst : TTY=pts/0 ; PWD=/home/analyst ; USER=root ; COMMAND=/bin/bash';

describe('journalctl at the present millisecond', () => {
  it('shows what auth.log shows of the entries logged at this moment', async () => {
    const s = await flagshipRootShell();
    const file = await s.exec('grep -c "COMMAND=/bin/bash" /var/log/auth.log');
    expect(file.stdout).toBe('1\n');
    const since = await s.exec('journalctl --since 13:28:30 -o cat -t sudo');
    expect(since.stdout).toBe(
      `${SUDO}\npam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)\n`);
    const last = await s.exec('journalctl -t sudo -n 1 -o short-iso');
    expect(last.stdout).toBe('2026-12-04T13:28:56+00:00 web01 sudo[' +
      /sudo\[(\d+)\]/.exec(last.stdout)?.[1] + ']: pam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)\n');
    const boots = await s.exec('journalctl --list-boots');
    expect(boots.stdout.trimEnd().endsWith('Fri 2026-12-04 13:28:56 UTC')).toBe(true);
  });

  it('journalctl -f starts with them as well', async () => {
    const s = await flagshipRootShell();
    const r = await s.exec('journalctl -f -n 2 -o cat');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      SUDO, 'pam_unix(sudo:session): session opened for user root(uid=0) by analyst(uid=1002)']);
  });
});
