import { describe, expect, it } from 'vitest';
import { flagshipRootShell } from '../../shell/testkit';

const spoolLine = async (s: Awaited<ReturnType<typeof flagshipRootShell>>): Promise<string> =>
  (await s.exec('ls -ld /var/spool/cron/crontabs')).stdout;

describe("crontab's lines in cron's log, as root works on the beacon user's crontab", () => {
  it('names the invoking user first: (root) LIST (deploy), (root) DELETE (deploy)', async () => {
    const s = await flagshipRootShell();
    await s.exec('crontab -l -u deploy >/dev/null; sleep 5; crontab -r -u deploy');
    const r = await s.exec('journalctl -t crontab --since 13:28:50 -o cat; grep -c "(root) [A-Z]* (deploy)" /var/log/syslog');
    expect(r.stdout).toBe('(root) LIST (deploy)\n(root) DELETE (deploy)\n2\n');
  });

  it('the spool directory takes the time of the deletion', async () => {
    const s = await flagshipRootShell();
    expect(await spoolLine(s)).toBe('drwx-wx--T 2 root crontab 4096 Dec  4 11:36 /var/spool/cron/crontabs\n');
    await s.exec('sleep 65; crontab -r -u deploy');
    expect(await spoolLine(s)).toBe('drwx-wx--T 2 root crontab 4096 Dec  4 13:30 /var/spool/cron/crontabs\n');
  });
});
